using System.Diagnostics;
using System.Globalization;
using NeuronSim.Experiments.Presets;
using NeuronSim.Experiments.Plans;
using NeuronSim.Experiments.Runs;
using NeuronSim.Experiments.Storage;
using NeuronSim.Experiments.Reports;
using NeuronSim.Rendering.Figures;
using NeuronSim.Network.Formatting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>
/// <c>neuronsim experiment</c>: runs the lab's experiments (sections 3 and 4) in parallel and writes
/// the learning curves, comparison figures, results.csv / results.md and REPORT.md.
/// </summary>
public sealed class ExperimentCommand : Command<ExperimentSettings>
{
    /// <summary>How long after Ctrl+C figures are still drawn (each takes a few tenths of a second); the rest are skipped.</summary>
    public static readonly TimeSpan FigureTimeAfterSignal = TimeSpan.FromSeconds(0.3);

    /// <summary>Where the lab's presets are: content/experiments next to the executable.</summary>
    public static string PresetDirectory => Path.Combine(AppContext.BaseDirectory, "content", "experiments");

    /// <inheritdoc />
    public override int Execute(CommandContext context, ExperimentSettings settings, CancellationToken cancellationToken)
    {
        var (plan, store, resumed) = Prepare(settings);
        using var _ = store;
        var jobs = settings.Jobs ?? Environment.ProcessorCount;
        // Ctrl+C cancels cancellationToken (Program.cs): finished runs are kept, the rest resume later.
        var clock = Stopwatch.StartNew();
        using var signal = new SignalClock(cancellationToken);
        var total = plan.DistinctRuns().Count;
        Console.WriteLine($"{(resumed ? "Resuming" : "Running")} '{plan.Name}': {total} runs ({string.Join(", ", plan.Experiments.Select(e => e.Name))} on {string.Join(", ", plan.UsedDataSets)}, "
            + $"{plan.Seeds} seed{(plan.Seeds > 1 ? "s" : "")}), {jobs} at a time, until loss < {Numbers.Compact(plan.TargetLoss)} or {plan.MaxEpochs} epochs. Output: {store.Directory}");
        var runner = new ExperimentRunner(plan, store) { Parallelism = jobs };
        (Dictionary<string, RunResult> Results, bool Complete) outcome = Terminal.Interactive
            ? RunWithProgressBars(runner, plan, total, cancellationToken)
            : runner.Run(new Reporter(new PlainProgress(plan, Console.Out).Report), cancellationToken);
        var table = ResultsTable.Build(plan, outcome.Results);
        // After Ctrl+C, figures are drawn for FigureTimeAfterSignal at most (what is cheap); the rest are drawn on --resume.
        var figures = ExperimentFigures.DrawAll(table, store.Directory, () => signal.Elapsed > FigureTimeAfterSignal, out var skipped);
        if (signal.Elapsed is not null) Interruption.Postpone(TimeSpan.FromSeconds(1));
        store.WriteText("REPORT.md", ReportWriter.Write(table, figures, clock.Elapsed, jobs));
        Console.WriteLine($"Wrote {Path.Combine(store.Directory, "REPORT.md")}, results.csv, results.md and {figures.Count} figures in {OutcomeText.Duration(clock.Elapsed)}.");
        if (!outcome.Complete || skipped > 0)
        {
            var runs = outcome.Complete ? $"all {total} runs finished and saved" : $"{outcome.Results.Count} of {total} runs finished and saved";
            var drawn = skipped > 0 ? $", {skipped} figures skipped" : "";
            Console.Error.WriteLine($"interrupted: {runs}{drawn}; resume with: neuronsim experiment --resume {Quote(store.Directory)}");
            return CliErrors.Interrupted;
        }
        return CliErrors.Success;
    }

    /// <summary>
    /// The plan of <paramref name="settings"/> (from --resume DIR's plan.json, or new from NAME /
    /// --preset) and its locked output directory. Everything is validated before the first write:
    /// a bad option, preset or plan.json, a non-empty directory that is not an experiment's, or one
    /// another experiment is using is refused with nothing written.
    /// </summary>
    public static (ExperimentPlan Plan, RunStore Store, bool Resumed) Prepare(ExperimentSettings settings)
    {
        if (settings.Resume is { } resume)
        {
            if (!RunStore.HasPlan(resume)) throw new UsageException($"cannot resume: {Path.GetFullPath(resume)} holds no plan.json of an experiment");
            var saved = RunStore.LoadPlan(resume);
            if (settings.Name is { } name && name != saved.Name) throw new UsageException($"{resume} holds the experiment '{saved.Name}', not '{name}'");
            return (saved, RunStore.Open(resume), true);
        }
        var experiments = settings.Presets.Length > 0
            ? settings.Presets.Select(PresetReader.ReadFile).ToList()
            : (settings.Name == "all" ? ExperimentSettings.AllExperiments : [settings.Name!])
                .Select(n => PresetReader.ReadFile(Path.Combine(PresetDirectory, n + ".json"))).ToList();
        var plan = new ExperimentPlan
        {
            Name = settings.Name ?? string.Join('+', experiments.Select(e => e.Name)),
            Experiments = experiments,
            DataSets = settings.DataSets,
            Seeds = settings.Seeds,
            FirstSeed = settings.Seed,
            MaxEpochs = settings.MaxEpochs,
            TargetLoss = settings.TargetLoss,
            CommandLine = "neuronsim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote)),
        };
        plan.Validate();
        if (settings.Out is "") throw new UsageException("--out needs a directory name");
        var directory = settings.Out ?? Path.Combine("results", $"{plan.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        if (RunStore.RefusesNewPlan(directory) is { } refusal) throw new UsageException(refusal);
        var store = RunStore.Open(directory);
        try
        {
            // checked again under the lock: another experiment may have started here in between
            if (RunStore.RefusesNewPlan(store.Directory) is { } late) throw new UsageException(late);
            store.SavePlan(plan);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return (plan, store, false);
    }

    private static (Dictionary<string, RunResult>, bool) RunWithProgressBars(ExperimentRunner runner, ExperimentPlan plan, int total, CancellationToken cancel)
    {
        (Dictionary<string, RunResult>, bool) outcome = default;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var overall = progress.AddTask($"[bold]all runs[/] (0/{total})", maxValue: total);
                var tasks = new Dictionary<string, ProgressTask>();
                var gate = new Lock();
                outcome = runner.Run(new Reporter(e =>
                {
                    lock (gate)
                    {
                        switch (e.Kind)
                        {
                            case RunEventKind.Retrained:
                                AnsiConsole.MarkupLine(Markup.Escape(PlainProgress.Line(e)));
                                break;
                            case RunEventKind.Started:
                                tasks[e.Run.Id] = progress.AddTask(Markup.Escape(Describe(e.Run)), maxValue: plan.MaxEpochs);
                                break;
                            case RunEventKind.Progress when tasks.TryGetValue(e.Run.Id, out var task):
                                task.Value = e.Epoch;
                                task.Description = Markup.Escape($"{Describe(e.Run)}  loss {Numbers.Compact(e.Loss)}");
                                break;
                            case RunEventKind.Finished or RunEventKind.Skipped:
                                if (tasks.Remove(e.Run.Id, out var done))
                                {
                                    done.Value = done.MaxValue;
                                    done.StopTask();
                                }
                                overall.Increment(1);
                                overall.Description = $"[bold]all runs[/] ({e.Done}/{total})";
                                AnsiConsole.MarkupLine(Markup.Escape(PlainProgress.Line(e)));
                                break;
                            case RunEventKind.Cancelled when tasks.Remove(e.Run.Id, out var stopped):
                                stopped.StopTask();
                                break;
                        }
                    }
                }), cancel);
                overall.StopTask();
            });
        return outcome;
    }

    /// <summary>"xor (4,4) sigmoid lr 1 seed 1", "xor (4,4) sigmoid lr 0.01, adam seed 1".</summary>
    public static string Describe(PlannedRun run) => $"{run.DataSet} {run.Setting.Summary} seed {run.Seed}";


    private static string Quote(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',') ? text : $"'{text.Replace("'", "'\\''")}'";

    /// <summary>Calls an action on the reporting thread (the runner reports from its worker threads).</summary>
    private sealed class Reporter(Action<RunEvent> report) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => report(value);
    }

    /// <summary>Progress as plain lines, for redirected output: one per run start and end, and a heartbeat every 30 s.</summary>
    private sealed class PlainProgress(ExperimentPlan plan, TextWriter output)
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<string, double> _lastLine = new();

        public void Report(RunEvent e)
        {
            lock (_gate)
            {
                switch (e.Kind)
                {
                    case RunEventKind.Started:
                        _lastLine[e.Run.Id] = _clock.Elapsed.TotalSeconds;
                        output.WriteLine($"[{e.Done}/{e.Total}] start  {Describe(e.Run)}");
                        break;
                    case RunEventKind.Progress when _clock.Elapsed.TotalSeconds - _lastLine.GetValueOrDefault(e.Run.Id) >= 30:
                        _lastLine[e.Run.Id] = _clock.Elapsed.TotalSeconds;
                        output.WriteLine($"[{e.Done}/{e.Total}] ...    {Describe(e.Run)}: epoch {e.Epoch}/{plan.MaxEpochs}, loss {Numbers.Compact(e.Loss)}");
                        break;
                    case RunEventKind.Finished or RunEventKind.Skipped or RunEventKind.Retrained:
                        output.WriteLine(Line(e));
                        break;
                }
                output.Flush();
            }
        }

        public static string Line(RunEvent e)
        {
            if (e.Kind == RunEventKind.Retrained) return $"[{e.Done}/{e.Total}] redo   {Describe(e.Run)}: {e.Note}; training it again";
            var r = e.Result!;
            var verb = e.Kind == RunEventKind.Skipped ? "skip  " : "done  ";
            return $"[{e.Done}/{e.Total}] {verb} {Describe(e.Run)}: {OutcomeText.Phrase(r)}, loss {Numbers.Compact(r.FinalLoss)}, accuracy {Numbers.Percent(r.Accuracy)}, {OutcomeText.Duration(TimeSpan.FromSeconds(r.WallSeconds))}"
                + (e.Kind == RunEventKind.Skipped ? " (saved earlier)" : "");
        }
    }
}
