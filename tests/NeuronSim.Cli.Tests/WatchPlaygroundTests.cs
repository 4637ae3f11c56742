using NeuronSim.Live;
using NeuronSim.Network.Components;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;
using NeuronSim.Rendering.Frame;
using NeuronSim.Window;

namespace NeuronSim.Cli.Tests;

/// <summary>The Playground settings of the live view without a window: activation (A), discretize (K), record (V).</summary>
public class WatchPlaygroundTests : LoggedControllerTests
{
    [Fact]
    public void A_cycles_the_hidden_activation_keeping_every_weight_andActionLogs_it()
    {
        using var controller = Controller();
        controller.StepEpochs(15);
        var weights = WeightsOf(controller.Simulation);
        var output = controller.Simulation.Topology.Layers[^1].Neurons[0];
        var bias = controller.Simulation.World.Get<Bias>(output).Value;
        controller.Handle(Press(Key.A));
        var simulation = controller.Simulation;
        Assert.Equal([Activation.Tanh], simulation.Spec.HiddenActivations);
        Assert.Equal(Activation.Tanh, simulation.Spec.ActivationOf(1).Kind);
        Assert.Equal(Activation.Sigmoid, simulation.Spec.ActivationOf(3).Kind);
        Assert.Equal(weights, WeightsOf(simulation));
        Assert.Equal(bias, simulation.World.Get<Bias>(simulation.Topology.Layers[^1].Neurons[0]).Value);
        Assert.Equal("epoch 15: activation tanh (2-4-4-1)", LogLines[^1]);
        Assert.Equal(15, simulation.Epoch); // training goes on from where it was
        Assert.Equal(Activation.Tanh, simulation.Topology.Layers[2].Activation.Kind);
        controller.Handle(Press(Key.A));
        Assert.Equal("epoch 15: activation relu (2-4-4-1)", LogLines[^1]);
        controller.Handle(Press(Key.A));
        Assert.Equal(Activation.LeakyRelu, controller.Simulation.Spec.HiddenActivations[0]);
        controller.Handle(Press(Key.A));
        Assert.Equal(Activation.Sigmoid, controller.Simulation.Spec.HiddenActivations[0]);
        Assert.Equal(4, LogLines.Length);
        Assert.Equal(5, controller.StepEpochs(5));
    }

    [Fact]
    public void A_after_an_added_neuron_keeps_the_new_shape()
    {
        using var controller = Controller();
        controller.Handle(Press(Key.Plus));
        var weights = WeightsOf(controller.Simulation);
        controller.Handle(Press(Key.A));
        Assert.Equal("epoch 0: activation tanh (2-5-4-1)", LogLines[^1]);
        Assert.Equal(weights, WeightsOf(controller.Simulation));
    }

    [Fact]
    public void The_new_keys_are_in_the_key_table_so_help_lists_them()
    {
        Assert.Equal(LiveCommand.CycleActivation, KeyMap.ToCommand(Press(Key.A)));
        Assert.Equal(LiveCommand.ToggleDiscretize, KeyMap.ToCommand(Press(Key.K)));
        Assert.Equal(LiveCommand.ToggleRecording, KeyMap.ToCommand(Press(Key.V)));
        Assert.Contains(KeyMap.Help, line => line.Keys == "A" && line.What.Contains("activation"));
        Assert.Contains("A activation", KeyMap.Footer);
    }

    [Fact]
    public void K_toggles_the_discretized_boundary_in_the_view()
    {
        using var controller = Controller();
        Assert.False(controller.View.Discretize);
        var version = controller.Version;
        controller.Handle(Press(Key.K));
        Assert.True(controller.View.Discretize);
        Assert.True(controller.Version > version);
        Assert.Contains("predicted class", controller.Message);
        controller.Handle(Press(Key.K));
        Assert.False(controller.View.Discretize);
    }

    [Fact]
    public void V_records_at_most_one_frame_per_100_ms_and_V_again_saves_a_timestamped_gif_andActionLogs_it()
    {
        var dir = Directory.CreateTempSubdirectory("neuronsim-rec-");
        try
        {
            using var controller = Controller();
            using var frame = new FrameBuffer(64, 48);
            using var recording = new WindowRecording(dir.FullName, TextWriter.Null);
            var ms = (double t) => TimeSpan.FromMilliseconds(t);
            recording.AfterRender(controller, frame, ms(0));
            Assert.False(recording.Active);
            controller.Handle(Press(Key.V));
            recording.AfterRender(controller, frame, ms(1000));
            Assert.True(recording.Active);
            Assert.True(controller.Recording);
            Assert.True(controller.View.Recording);
            Assert.Equal(1, recording.FrameCount);
            recording.AfterRender(controller, frame, ms(1050));
            Assert.Equal(1, recording.FrameCount);
            recording.AfterRender(controller, frame, ms(1100));
            recording.AfterRender(controller, frame, ms(1150));
            recording.AfterRender(controller, frame, ms(1400), rendered: false);
            Assert.Equal(2, recording.FrameCount);
            recording.AfterRender(controller, frame, ms(1450));
            Assert.Equal(3, recording.FrameCount);
            controller.StepEpochs(3);
            controller.Handle(Press(Key.V));
            recording.AfterRender(controller, frame, ms(1500));
            Assert.False(recording.Active);
            Assert.False(controller.View.Recording);
            var file = Assert.Single(dir.GetFiles("neuronsim-*.gif"));
            Assert.Matches(@"^neuronsim-\d{8}-\d{6}\.gif$", file.Name);
            Assert.Equal($"epoch 3: recorded 3 frames to {file.FullName} (2-4-4-1)", LogLines[^1]);
            var bytes = File.ReadAllBytes(file.FullName);
            Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(bytes, 0, 6));
            Assert.Equal(0x3B, bytes[^1]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_recording_stops_by_itself_at_600_frames_and_quitting_saves_an_unfinished_one()
    {
        var dir = Directory.CreateTempSubdirectory("neuronsim-rec-");
        try
        {
            using var controller = Controller();
            using var frame = new FrameBuffer(16, 12);
            using var recording = new WindowRecording(dir.FullName, TextWriter.Null);
            controller.Handle(Press(Key.V));
            for (var i = 0; i < 700; i++) recording.AfterRender(controller, frame, TimeSpan.FromMilliseconds(100 * i));
            Assert.False(recording.Active);
            Assert.Contains($"recorded {WindowRecording.MaxFrames} frames", LogLines[^1]);
            Assert.Contains("limit of 600 frames", LogLines[^1]);
            Assert.Single(dir.GetFiles("*.gif"));

            controller.Handle(Press(Key.V));
            recording.AfterRender(controller, frame, TimeSpan.FromSeconds(100));
            recording.AfterRender(controller, frame, TimeSpan.FromSeconds(101));
            recording.Finish(controller);
            Assert.False(recording.Active);
            Assert.Equal(2, dir.GetFiles("*.gif").Length);
            Assert.Contains("recorded 2 frames", LogLines[^1]);
            Assert.Contains("saved on quit", LogLines[^1]);
            var lines = LogLines.Length;
            recording.Finish(controller);
            Assert.Equal(lines, LogLines.Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
