using System.Collections.Concurrent;
using System.Diagnostics;
using NeuronSim.Network.Checkpoints;
using NeuronSim.Network.Data;
using NeuronSim.Network.Model;
using NeuronSim.Network.Training;

namespace NeuronSim.Experiments.Runs;

/// <summary>
/// Runs a plan's runs in parallel (each run is its own world), slowest first, saving each result
/// the moment it ends and appending its rows to results.csv; the tables in plan order and the
/// summaries are written once at the end (also after Ctrl+C or a failure). Runs already saved and
/// valid are skipped, which is how a plan is resumed; a run file that does not validate is trained
/// again and reported. An exception in a worker stops the others (their unfinished runs are not
/// saved) and is rethrown on the calling thread, naming the run.
/// </summary>
public sealed class ExperimentRunner(ExperimentPlan plan, RunStore store)
{
    private readonly Lock _tables = new();
    private int _done;

    /// <summary>How many runs train at once (default: every core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    private const long ProgressIntervalMs = 200;

    /// <summary>Runs every run of the plan that has no valid saved result; returns the results of the whole plan by run id.</summary>
    /// <returns>The results, and whether every run finished (false when cancelled).</returns>
    /// <exception cref="ArgumentException">The plan is invalid, or a run was refused as bad input (the message names the run).</exception>
    /// <exception cref="IOException">A file could not be written (the message names the run and the file).</exception>
    public (Dictionary<string, RunResult> Results, bool Complete) Run(IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        plan.Validate();
        if (Parallelism < 1) throw new ArgumentException($"--jobs must be at least 1, got {Parallelism}");
        var runs = plan.DistinctRuns();
        var total = runs.Count;
        _done = 0;
        var byKey = runs.DistinctBy(RunData.KeyOf).ToDictionary(RunData.KeyOf, run => RunData.For(run, plan));
        var data = runs.ToDictionary(run => run.Id, run => byKey[RunData.KeyOf(run)]);
        var results = new Dictionary<string, RunResult>();
        var pending = new List<PlannedRun>();
        foreach (var run in runs)
        {
            var (saved, problem) = store.TryLoad(run, plan, data[run.Id].Train.Count);
            if (saved is not null)
            {
                results[run.Id] = saved;
                progress?.Report(new RunEvent(RunEventKind.Skipped, run, saved.Epochs, saved.FinalLoss, saved, Interlocked.Increment(ref _done), total));
                continue;
            }
            if (problem is not null) progress?.Report(new RunEvent(RunEventKind.Retrained, run, 0, double.NaN, null, _done, total, problem));
            pending.Add(run);
        }
        var rowsOf = ResultsTable.Build(plan, new Dictionary<string, RunResult>()).Rows.ToLookup(row => row.Run.Id);
        store.WriteText(ResultsTable.CsvFile, ResultsTable.Build(plan, results).ToCsv());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        (PlannedRun Run, Exception Error)? failure = null;
        var queue = new ConcurrentQueue<PlannedRun>(pending.OrderByDescending(run => run.CostPerEpoch(data[run.Id].Train.Count)));
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(Parallelism, pending.Count))).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var run))
            {
                try
                {
                    progress?.Report(new RunEvent(RunEventKind.Started, run, 0, double.NaN, null, Volatile.Read(ref _done), total));
                    var trained = TrainNetwork(run, data[run.Id], plan, (epoch, loss) =>
                        progress?.Report(new RunEvent(RunEventKind.Progress, run, epoch, loss, null, Volatile.Read(ref _done), total)), stop.Token);
                    if (trained is not var (result, network))
                    {
                        progress?.Report(new RunEvent(RunEventKind.Cancelled, run, 0, double.NaN, null, Volatile.Read(ref _done), total));
                        continue;
                    }
                    store.Save(result, network);
                    lock (_tables)
                    {
                        results[run.Id] = result;
                        store.AppendText(ResultsTable.CsvFile, string.Concat(rowsOf[run.Id].Select(row => ResultsTable.CsvLine(row, result))));
                    }
                    progress?.Report(new RunEvent(RunEventKind.Finished, run, result.Epochs, result.FinalLoss, result, Interlocked.Increment(ref _done), total));
                }
                catch (Exception error)
                {
                    lock (_tables) failure ??= (run, error);
                    stop.Cancel();
                }
            }
        }) { IsBackground = true, Name = "experiment run" }).ToList();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();
        try
        {
            WriteTables(ResultsTable.Build(plan, results));
        }
        catch (Exception) when (failure is not null)
        {
            // the failure below is the one to report (often the same full or read-only disk)
        }
        if (failure is { } failed) throw Failure(failed.Run, failed.Error);
        return (results, results.Count == total);
    }

    /// <summary>
    /// Trains one run to its end (converged, epoch cap, or diverged), reporting (epoch, loss) a few
    /// times a second; returns null when cancelled first.
    /// </summary>
    public static RunResult? Train(PlannedRun run, RunData data, ExperimentPlan plan, Action<int, double>? onProgress, CancellationToken cancel) =>
        TrainNetwork(run, data, plan, onProgress, cancel)?.Result;

    /// <summary>
    /// <see cref="Train"/>, with the trained network as a checkpoint (null for a diverged run, whose
    /// weights are no longer numbers); null when cancelled first.
    /// </summary>
    public static (RunResult Result, NetworkCheckpoint? Network)? TrainNetwork(PlannedRun run, RunData data, ExperimentPlan plan, Action<int, double>? onProgress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var setting = run.Setting;
        var spec = setting.ToSpec(run.Seed);
        var options = setting.ToOptions(data.Train.Count, plan.MaxEpochs, plan.TargetLoss, run.Seed);
        using var simulation = new TrainingSimulation(spec, data.Train, options, data.Test);
        var curve = new LossCurve();
        var testCurve = data.Test is null ? null : new LossCurve();
        var lastTestLoss = double.NaN;
        var lastReport = -ProgressIntervalMs; // report epoch 0 at once: a fast run may end before the first interval
        var plateauLevel = double.NaN;
        var flatSince = 0;
        var lastFinite = (Epoch: 0, Loss: double.NaN);
        while (simulation.Status == TrainingStatus.Running)
        {
            if ((simulation.Epoch & 31) == 0)
            {
                if (cancel.IsCancellationRequested) return null;
                if (clock.ElapsedMilliseconds - lastReport >= ProgressIntervalMs)
                {
                    lastReport = clock.ElapsedMilliseconds;
                    onProgress?.Invoke(simulation.Epoch, simulation.Loss);
                }
            }
            simulation.Step();
            var loss = simulation.Loss;
            if (!double.IsFinite(loss)) break;
            curve.Add(simulation.Epoch, loss);
            testCurve?.Add(simulation.Epoch, simulation.Context.TestLoss);
            lastTestLoss = simulation.Context.TestLoss;
            lastFinite = (simulation.Epoch, loss);
            if (!(Math.Abs(loss - plateauLevel) <= RunResult.PlateauTolerance * Math.Abs(plateauLevel)))
            {
                flatSince = simulation.Epoch;
                plateauLevel = loss;
            }
        }
        curve.Finish(lastFinite.Epoch, lastFinite.Loss);
        testCurve?.Finish(lastFinite.Epoch, lastTestLoss);
        var (testLoss, accuracy) = simulation.Evaluate();
        (double Loss, double Accuracy)? heldOut = data.Test is { } test ? simulation.Measure(test) : null;
        var testPredictions = new double[data.Test?.Count ?? 0];
        if (data.Test is { } held) simulation.Predict(held.X0, held.X1, testPredictions);
        var (gridX0, gridX1) = PredictionGrid.Points(data.All.Bounds);
        var grid = new double[gridX0.Length];
        simulation.Predict(gridX0, gridX1, grid);
        var result = new RunResult
        {
            Id = run.Id,
            DataSet = run.DataSet,
            Setting = setting,
            Seed = run.Seed,
            Status = simulation.Status,
            Epochs = simulation.Epoch,
            FinalLoss = simulation.Loss,
            TestLoss = testLoss,
            Accuracy = accuracy,
            TestPoints = testPredictions.Length,
            HeldOutLoss = heldOut?.Loss,
            HeldOutAccuracy = heldOut?.Accuracy,
            TestPredictions = testPredictions,
            FlatSinceEpoch = flatSince,
            WallSeconds = clock.Elapsed.TotalSeconds,
            MaxEpochs = plan.MaxEpochs,
            TargetLoss = plan.TargetLoss,
            PlanHash = plan.Hash,
            Curve = curve,
            TestCurve = testCurve,
            Predictions = simulation.PredictTraining(),
            Grid = grid.Select(Round).ToArray(),
            FinishedAt = DateTimeOffset.Now,
        };
        var network = result.Diverged ? null : RunNetwork.Capture(simulation, run, plan.DataSeed);
        return (network is null ? result : result with { Network = RunNetwork.FileOf(run.Id).Replace('\\', '/') }, network);
    }

    private void WriteTables(ResultsTable table)
    {
        store.WriteText(ResultsTable.CsvFile, table.ToCsv());
        store.WriteText("results.md", table.ToMarkdown());
        if (plan.Seeds > 1) store.WriteText("summary.csv", table.SummaryCsv());
    }

    /// <summary>The exception a worker's failure becomes on the calling thread: same kind (bad input or I/O), the run named.</summary>
    private static Exception Failure(PlannedRun run, Exception error) => error switch
    {
        ArgumentException => new ArgumentException($"run {run.Id}: {error.Message}", error),
        IOException or UnauthorizedAccessException => new IOException($"run {run.Id}: {error.Message}", error),
        _ => new InvalidOperationException($"run {run.Id} failed: {error.GetType().Name}: {error.Message}", error),
    };

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 5) : value;
}
