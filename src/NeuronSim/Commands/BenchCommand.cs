using System.ComponentModel;
using NeuronSim.Benchmarking;
using NeuronSim.Network.Formatting;
using NeuronSim.Network.Model.Kernels;
using NeuronSim.Rendering.Frame;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim bench</c>.</summary>
public sealed class BenchSettings : CommandSettings
{
    /// <summary>Seconds per side per case.</summary>
    [CommandOption("--seconds <S>")]
    [Description("Seconds of timing per side (ECS, dense, each peer) per case. Default: 0.5.")]
    [DefaultValue(0.5)]
    public double Seconds { get; init; } = 0.5;

    /// <summary>Also train every case in numpy and PyTorch.</summary>
    [CommandOption("--peers")]
    [Description("Also train the same networks, from the same weights, in numpy and PyTorch (python3 with numpy, torch, threadpoolctl) and compare.")]
    public bool Peers { get; init; }

    /// <summary>The Python that runs the peers.</summary>
    [CommandOption("--python <PATH>")]
    [Description("The Python for --peers. Default: the first of python3 on the PATH and /usr/bin/python3 that imports numpy.")]
    public string? Python { get; init; }

    /// <summary>CSV on standard output instead of tables.</summary>
    [CommandOption("--csv")]
    [Description("Print one CSV record per case (header first) instead of tables.")]
    public bool Csv { get; init; }

    /// <summary>JSON on standard output instead of tables.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON document (cases, peers, kernel, frame timing, memory) instead of tables.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Seconds is not (> 0 and <= 60) ? ValidationResult.Error($"--seconds must be in (0, 60], got {Seconds}")
        : Csv && Json ? ValidationResult.Error("--csv and --json exclude each other: choose one")
        : ValidationResult.Success();
}

/// <summary><c>neuronsim bench</c>: ECS training against the plain dense reference and, with --peers, numpy and PyTorch.</summary>
public sealed class BenchCommand : Command<BenchSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var forPeople = !settings.Csv && !settings.Json;
        var say = forPeople ? (Action<string>)Console.WriteLine : Console.Error.WriteLine;
        say($"{Environment.ProcessorCount} cores; kernel {KernelSelection.Describe()}; dense = plain scalar loops over double[]; FLOPs: multiply-add 2, sigmoid 3");
        var peerRoot = settings.Peers ? Directory.CreateTempSubdirectory("neuronsim-peers-").FullName : "";
        try
        {
            BenchRunner.WarmUp();
            var results = Measure(settings, peerRoot, forPeople, cancellationToken);
            var table = new BenchTable(settings.Peers ? RunPeers(settings, peerRoot, results, say) : [], peerRoot);
            if (settings.Peers && forPeople) ShowPeers(table, results);
            var frames = new List<object>();
            var memory = new List<object>();
            var miniBatches = new List<object>();
            if (!settings.Csv) MeasureMiniBatches(forPeople, results, settings.Seconds, miniBatches, cancellationToken);
            if (!settings.Csv) MeasureFramesAndMemory(forPeople, frames, memory, cancellationToken);
            if (settings.Csv) Console.Write(table.Csv(results));
            if (settings.Json) Console.WriteLine(table.Json(results, KernelSelection.Describe(), new { frames, memory, mini_batches = miniBatches }));
            return CliErrors.Success;
        }
        finally
        {
            if (peerRoot.Length > 0) Directory.Delete(peerRoot, recursive: true);
        }
    }

    private static List<BenchResult> Measure(BenchSettings settings, string peerRoot, bool forPeople, CancellationToken cancellationToken)
    {
        var results = new List<BenchResult>();
        void MeasureAll(Action<string[]> show)
        {
            foreach (var (data, hidden) in BenchRunner.DefaultCases())
            {
                if (cancellationToken.IsCancellationRequested) break;
                var peerCase = peerRoot.Length > 0 ? Path.Combine(peerRoot, PeerCase.DirectoryName(data, hidden)) : null;
                var result = BenchRunner.Measure(data, hidden, settings.Seconds, peerCase);
                results.Add(result);
                show(BenchTable.Cells(result));
            }
        }
        if (!forPeople)
        {
            MeasureAll(_ => { });
        }
        else if (!Terminal.Interactive)
        {
            Console.WriteLine(string.Join('\t', BenchTable.Headers));
            MeasureAll(row => Console.WriteLine(string.Join('\t', row)));
        }
        else
        {
            // On a terminal the table grows row by row as each case is measured.
            var table = new Table().AddColumns(BenchTable.Headers);
            AnsiConsole.Live(table).Start(live => MeasureAll(row =>
            {
                table.AddRow(row);
                live.Refresh();
            }));
        }
        return results;
    }

    private static List<PeerReport> RunPeers(BenchSettings settings, string peerRoot, List<BenchResult> results, Action<string> say)
    {
        var script = PeerRunner.FindScript();
        if (script is null)
        {
            say($"peers: {PeerRunner.ScriptPath} not found above {AppContext.BaseDirectory} or the working directory: skipped");
            return [];
        }
        var python = settings.Python ?? PeerRunner.FindPython();
        var inherited = string.Join(", ", PeerRunner.ClearedVariables.Select(v => $"{v}={Environment.GetEnvironmentVariable(v) ?? "(unset)"}"));
        say($"peers: {string.Join(" and ", PeerRunner.ClearedVariables)} removed for the peers only (here: {inherited}); each peer's time is its best of 1 thread and all cores; python: {python}");
        var cases = results.Select(r => Path.Combine(peerRoot, PeerCase.DirectoryName(r.Data, r.Hidden))).ToList();
        var reports = new List<PeerReport>();
        foreach (var framework in new[] { "numpy", "torch" })
        {
            var report = PeerRunner.Run(framework, script, settings.Seconds, cases, python);
            reports.Add(report);
            if (report.Missing is not null)
            {
                say($"{framework}: {report.Missing}; going on without it");
                continue;
            }
            say($"{report.Version} (ran with {report.Environment}): BLAS {(report.Blas.Count == 0 ? "none reported" : string.Join("; ", report.Blas))}");
        }
        return reports;
    }

    private static void ShowPeers(BenchTable table, List<BenchResult> results)
    {
        var ran = table.Peers.Where(p => p.Missing is null).ToList();
        if (ran.Count == 0) return;
        if (Terminal.Interactive)
        {
            var grid = new Table().AddColumns(table.PeerHeaders());
            foreach (var r in results) grid.AddRow(table.PeerCells(r));
            AnsiConsole.Write(grid);
        }
        else
        {
            Console.WriteLine(string.Join('\t', table.PeerHeaders()));
            foreach (var r in results) Console.WriteLine(string.Join('\t', table.PeerCells(r)));
        }
        foreach (var peer in ran)
        {
            var same = results.Count(r => table.SameStart(peer, r) == true);
            Console.WriteLine($"{peer.Name}: the first 3 losses equal NeuronSim's (same weights, same data, same training) in {same} of {results.Count} cases");
        }
    }

    /// <summary>(400,400) on linear in batches of 32 (4 optimizer steps per epoch), beside its full-batch epoch.</summary>
    private static void MeasureMiniBatches(bool forPeople, List<BenchResult> results, double seconds, List<object> miniBatches, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return;
        var full = results.FirstOrDefault(r => r.Data == "linear" && r.Hidden.SequenceEqual([400, 400]));
        if (full is null) return;
        var micros = BenchRunner.MeasureMiniBatches("linear", [400, 400], 32, seconds);
        miniBatches.Add(new { data = "linear", hidden = new[] { 400, 400 }, batch_size = 32, us_per_epoch = micros, gflops = full.FlopsPerEpoch / micros / 1e3 });
        if (forPeople)
        {
            Console.WriteLine($"mini-batch: (400,400) on linear in batches of 32 (4 steps per epoch): {Numbers.Compact(micros)} µs/epoch, " +
                $"{Numbers.Compact(full.FlopsPerEpoch / micros / 1e3)} GFLOP/s (full batch: {Numbers.Compact(full.EcsMicroseconds)} µs/epoch)");
        }
    }

    private static void MeasureFramesAndMemory(bool forPeople, List<object> frames, List<object> memory, CancellationToken cancellationToken)
    {
        foreach (var hidden in new[] { new[] { 4, 4 }, [100, 100], [400, 400] })
        {
            if (cancellationToken.IsCancellationRequested) break;
            var frame = FrameTiming.Measure(hidden);
            frames.Add(new { hidden, median_ms = frame.Milliseconds, p95_ms = frame.Percentile95 });
            if (forPeople)
            {
                Console.WriteLine($"frame: 1280x800, {string.Join(',', hidden)} on xor, boundary recomputed every frame: median {Numbers.Compact(frame.Milliseconds)} ms, p95 {Numbers.Compact(frame.Percentile95)} ms");
            }
        }
        foreach (var samples in new[] { 21, 100 })
        {
            var bytes = BenchRunner.WorldBytesPerWeight([400, 400], samples);
            memory.Add(new { hidden = new[] { 400, 400 }, points = samples, bytes_per_weight = bytes });
            if (forPeople)
            {
                Console.WriteLine($"memory: a (400,400) network world for {samples} points keeps {Numbers.Compact(bytes)} bytes per weight entity (neurons' batch vectors included)");
            }
        }
    }
}
