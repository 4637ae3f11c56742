using NeuronSim.Network.Training;

namespace NeuronSim.Rendering.Frame;

/// <summary>
/// Which data points (training and held-out) the network as drawn predicts wrong
/// (<see cref="Classification.IsCorrect"/>: a non-finite output is wrong), recomputed only when the weights changed.
/// </summary>
public sealed class PointClassification
{
    private bool[] _wrong = [];
    private double[] _output = [];
    private bool[] _testWrong = [];
    private double[] _testOutput = [];
    private (object? Simulation, long Fingerprint) _key;

    /// <summary>Training points predicted wrong.</summary>
    public int WrongCount { get; private set; }

    /// <summary>Training points whose output is NaN or infinite (they predict nothing).</summary>
    public int NotFiniteCount { get; private set; }

    /// <summary>Held-out test points predicted wrong (0 without a test set).</summary>
    public int TestWrongCount { get; private set; }

    /// <summary>Whether training point <paramref name="i"/> is predicted wrong.</summary>
    public bool IsWrong(int i) => i < _wrong.Length && _wrong[i];

    /// <summary>Whether held-out point <paramref name="i"/> is predicted wrong.</summary>
    public bool IsTestWrong(int i) => i < _testWrong.Length && _testWrong[i];

    /// <summary>Classifies the points of <paramref name="simulation"/> when its weights (<paramref name="fingerprint"/>) changed.</summary>
    public void Classify(TrainingSimulation simulation, long fingerprint)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var key = ((object?)simulation, fingerprint);
        if (Equals(key, _key) && _wrong.Length == simulation.Data.Count) return;
        (WrongCount, NotFiniteCount) = Count(simulation, simulation.Data, ref _output, ref _wrong);
        TestWrongCount = simulation.Test is { } test ? Count(simulation, test, ref _testOutput, ref _testWrong).Wrong : 0;
        _key = key;
    }

    private static (int Wrong, int NotFinite) Count(TrainingSimulation simulation, Network.Data.DataSet data, ref double[] output, ref bool[] wrongs)
    {
        if (output.Length != data.Count)
        {
            output = new double[data.Count];
            wrongs = new bool[data.Count];
        }
        simulation.Predict(data.X0, data.X1, output);
        int wrong = 0, notFinite = 0;
        for (var i = 0; i < data.Count; i++)
        {
            wrongs[i] = !Classification.IsCorrect(output[i], data.Labels[i]);
            if (wrongs[i]) wrong++;
            if (Classification.Predicted(output[i]) is null) notFinite++;
        }
        return (wrong, notFinite);
    }
}
