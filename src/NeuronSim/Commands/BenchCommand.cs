using System.ComponentModel;
using System.Globalization;
using NeuronSim.Network.Benchmarking;
using NeuronSim.Rendering.Frame;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuronSim.Commands;

/// <summary>Options of <c>neuronsim bench</c>.</summary>
public sealed class BenchSettings : CommandSettings
{
    /// <summary>Seconds per side per case.</summary>
    [CommandOption("--seconds <S>")]
    [Description("Seconds of timing per side (ECS, dense) per case. Default: 0.5.")]
    [DefaultValue(0.5)]
    public double Seconds { get; init; } = 0.5;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Seconds is > 0 and <= 60 ? ValidationResult.Success() : ValidationResult.Error($"--seconds must be in (0, 60], got {Seconds}");
}

/// <summary><c>neuronsim bench</c>: ECS training against the plain dense reference, side by side.</summary>
public sealed class BenchCommand : Command<BenchSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("data", "hidden", "points", "MFLOP/epoch", "ECS µs/epoch", "dense µs/epoch",
            "ECS GFLOP/s", "dense GFLOP/s", "ECS/dense", "ECS B/epoch");
        Console.WriteLine($"{Environment.ProcessorCount} cores; dense = plain scalar loops over double[]; FLOPs: multiply-add 2, sigmoid 3");
        BenchRunner.WarmUp();
        if (!Terminal.Interactive)
        {
            MeasureCases(settings, row => Console.WriteLine(string.Join('\t', row)), cancellationToken);
        }
        else
        {
            // On a terminal the table grows row by row as each case is measured.
            AnsiConsole.Live(table).Start(live => MeasureCases(settings, row =>
            {
                table.AddRow(row);
                live.Refresh();
            }, cancellationToken));
        }
        foreach (var hidden in new[] { new[] { 4, 4 }, [100, 100], [400, 400] })
        {
            if (cancellationToken.IsCancellationRequested) break;
            var frame = FrameTiming.Measure(hidden);
            Console.WriteLine($"frame: 1280x800, {string.Join(',', hidden)} on xor, boundary recomputed every frame: median {F(frame.Milliseconds, "0.00")} ms, p95 {F(frame.Percentile95, "0.00")} ms");
        }
        foreach (var samples in new[] { 21, 100 })
        {
            var bytes = BenchRunner.WorldBytesPerWeight([400, 400], samples);
            Console.WriteLine($"memory: a (400,400) network world for {samples} points keeps {F(bytes, "0.0")} bytes per weight entity (neurons' batch vectors included)");
        }
        return CliErrors.Ok;
    }

    private static void MeasureCases(BenchSettings settings, Action<string[]> report, CancellationToken cancellationToken)
    {
        foreach (var (data, hidden) in BenchRunner.DefaultCases())
        {
            if (cancellationToken.IsCancellationRequested) break;
            var r = BenchRunner.Measure(data, hidden, settings.Seconds);
            report(
            [
                data, string.Join(',', hidden), r.Samples.ToString(CultureInfo.InvariantCulture), F(r.FlopsPerEpoch / 1e6, "0.###"),
                F(r.EcsMicroseconds, "0.00"), F(r.DenseMicroseconds, "0.00"), F(r.EcsGflops, "0.00"), F(r.DenseGflops, "0.00"),
                F(r.Ratio, "0.000"), F(r.EcsBytesPerEpoch, "0"),
            ]);
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
