using System.Reflection;
using NeuronSim.Network.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>
/// The neuronsim command line: the commands, their help, <c>--version</c>, and the one-line errors.
/// <see cref="Run"/> is what the executable runs (Program adds the signal handling); tests call it
/// in-process.
/// </summary>
public static class CommandLine
{
    /// <summary>The informational version of the executable (what <c>neuronsim --version</c> prints).</summary>
    public static string Version { get; } = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CommandLine).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Runs the command line <paramref name="args"/> and returns the exit code. Output goes to
    /// <see cref="Console.Out"/> and <see cref="Console.Error"/> as they are when called.
    /// Without a command it prints the help on standard error and returns <see cref="CliErrors.Usage"/>.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var commands = new Dictionary<string, Type>();
        var noCommand = args.Count == 0;
        var app = new CommandApp();
        app.Configure(config => Configure(config, commands));
        if (noCommand)
        {
            app.Configure(config => config.Settings.Console = ConsoleOn(Console.Error));
            app.Run(["--help"], cancellationToken);
            return CliErrors.Usage;
        }
        IReadOnlyList<string> checkedArgs;
        try
        {
            checkedArgs = ArgumentReader.Read(args, commands);
        }
        catch (UsageException error)
        {
            return CliErrors.Report(error);
        }
        // "--out -": the file goes to standard output (AtomicFile), so everything the command prints goes to standard error.
        var text = Console.Out;
        if (checkedArgs.Contains("--out=" + AtomicFile.StandardOutput)) Console.SetOut(Console.Error);
        try
        {
            app.Configure(config => config.Settings.Console = ConsoleOn(Console.Out));
            return app.Run(checkedArgs, cancellationToken);
        }
        finally
        {
            Console.SetOut(text);
        }
    }

    private static IAnsiConsole ConsoleOn(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });

    private static void Configure(IConfigurator config, Dictionary<string, Type> commands)
    {
        config.SetApplicationName("neuronsim");
        config.SetApplicationVersion(Version);
        config.UseStrictParsing();
        Add<TrainCommand>(config, commands, "train")
            .WithDescription("Train a network headless and print the lab's log, test loss, accuracy and predictions.\n"
                + "Exit codes: 0 trained (converged or reached --epochs), 1 the loss became NaN/infinite, 2 bad arguments, "
                + "130 interrupted by Ctrl+C (143 by SIGTERM): the results so far are printed, what would take long is skipped and said so.")
            .WithExample("train", "--data", "xor", "--seed", "1")
            .WithExample("train", "--data", "linear", "--hidden", "10,10", "--lr", "0.5");
        Add<BenchCommand>(config, commands, "bench")
            .WithDescription("Time ECS training against a plain dense reference (µs/epoch, GFLOP/s, ratio) for (4,4) to (400,400) on xor and linear.");
        Add<WatchCommand>(config, commands, "watch")
            .WithDescription("Open a 1280x800 window and watch the network learn: graph (each neuron's own output map), decision boundary, "
                + "loss curve, and a control panel of clickable settings (data set, noise, test ratio, learning rate, activation, optimizer, "
                + "batch size, regularization, layers, neurons, views).\n"
                + "Keys: Space play/pause, N or Right +1 epoch, Shift+Right +100, Up/Down speed, R reset (new seed), D next data set, "
                + "G gradients, click an edge then Delete prune / type or drag its weight, F freeze, +/- neuron, L layer, [[ ]] learning rate, "
                + "O optimizer, Z batch size, J regularization, V record a GIF, Ctrl+S save, B boundary, S screenshot, H every key and control, Esc/Q quit.\n"
                + "Exit codes: 0 quit, 1 error or the loss diverged, 2 bad arguments, 3 no window (no display or no SDL2: says which package to install, "
                + "trains headless with the lab's output unless --paused, and writes the frame as PNG, see --out), 130 interrupted (143 on SIGTERM).")
            .WithExample("watch")
            .WithExample("watch", "--paused", "--data", "linear");
        Add<SnapshotCommand>(config, commands, "snapshot")
            .WithDescription("Train exactly --epochs epochs headless (on past convergence, as the window does) and write the frame the window would show as PNG.\n"
                + "Exit codes: 0 written, 1 the loss diverged (the frame is still written) or the file could not be written, 2 bad arguments.")
            .WithExample("snapshot", "--epochs", "2000", "--out", "frame.png");
        Add<RecordCommand>(config, commands, "record")
            .WithDescription("Train headless and write an animated GIF of the frame the window would show, one frame every --every epochs from epoch 0. "
                + "Training that stops (converged, diverged, --epochs) ends it early, the last frame held longer. Takes train's network and training options, --load included.\n"
                + "Exit codes: 0 written, 1 the loss diverged (the GIF is still written) or the file could not be written, 2 bad arguments, "
                + "130 interrupted by Ctrl+C: the frames so far are written.")
            .WithExample("record", "--out", "learn.gif")
            .WithExample("record", "--data", "spiral", "--hidden", "8,8", "--activation", "tanh", "--lr", "0.03", "--every", "50", "--frames", "200", "--out", "spiral.gif");
        Add<ExperimentCommand>(config, commands, "experiment")
            .WithDescription("Run the lab's experiments in parallel and write learning curves, \"Ground truth\"/\"Predict result\" figures, "
                + "results.csv, results.md and REPORT.md: baseline (section 3), lr (4.1), hidden (4.2), no-activation (4.3) or all. "
                + "Each run is saved when it ends; Ctrl+C keeps them and --resume DIR finishes the rest. A diverged run is a result, not an error.\n"
                + "Exit codes: 0 every run finished, 1 a file could not be written, 2 bad arguments or a bad preset, 130 interrupted by Ctrl+C (resume with --resume DIR).")
            .WithExample("experiment", "all")
            .WithExample("experiment", "lr", "--data", "xor", "--max-epochs", "20000")
            .WithExample("experiment", "hidden", "--seeds", "10", "--out", "results/hidden")
            .WithExample("experiment", "--preset", "my-settings.json")
            .WithExample("experiment", "--resume", "results/all-20250101-120000");
        config.SetExceptionHandler((exception, _) => CliErrors.Report(exception));
    }

    /// <summary>Adds a command to Spectre and its settings class to the table <see cref="ArgumentReader"/> checks against: one list of commands.</summary>
    private static ICommandConfigurator Add<TCommand>(IConfigurator config, Dictionary<string, Type> commands, string name) where TCommand : class, ICommand
    {
        commands[name] = OptionSyntax.SettingsOf(typeof(TCommand));
        return config.AddCommand<TCommand>(name);
    }
}
