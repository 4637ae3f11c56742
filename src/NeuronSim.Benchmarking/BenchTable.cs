using System.Text;
using System.Text.Json;
using NeuronSim.Network.Formatting;

namespace NeuronSim.Benchmarking;

/// <summary>
/// The bench's results as text: tables for people (numbers through <see cref="Numbers.Compact"/>),
/// CSV and JSON records (<see cref="Numbers.RoundTrip"/>). Peers are looked up by case directory
/// under <see cref="PeerRoot"/>.
/// </summary>
/// <param name="Peers">The peer frameworks that were asked (those that could not run say why).</param>
/// <param name="PeerRoot">Where the peer cases were written (empty without peers).</param>
public sealed record BenchTable(IReadOnlyList<PeerReport> Peers, string PeerRoot)
{
    /// <summary>Columns of the main table.</summary>
    public static readonly string[] Headers =
        ["data", "hidden", "points", "MFLOP/epoch", "ECS µs/epoch", "dense µs/epoch", "ECS GFLOP/s", "dense GFLOP/s", "ECS/dense", "ECS B/epoch"];

    private static readonly string[] CsvColumns =
        ["data", "hidden", "points", "mflop_per_epoch", "ecs_us_per_epoch", "dense_us_per_epoch", "ecs_gflops", "dense_gflops", "ecs_over_dense", "ecs_bytes_per_epoch"];

    private IEnumerable<PeerReport> Ran => Peers.Where(p => p.Missing is null);

    /// <summary>A row of the main table.</summary>
    public static string[] Cells(BenchResult r) =>
    [
        r.Data, string.Join(',', r.Hidden), r.Samples.ToString(), C(r.FlopsPerEpoch / 1e6), C(r.EcsMicroseconds), C(r.DenseMicroseconds),
        C(r.EcsGflops), C(r.DenseGflops), C(r.Ratio), C(r.EcsBytesPerEpoch),
    ];

    /// <summary>
    /// Columns of the peers' table: NeuronSim's time, then per peer its best time, its threads and
    /// NeuronSim's time over it, and its time on one thread and NeuronSim's time over that.
    /// </summary>
    public string[] PeerHeaders() =>
        ["data", "hidden", "NeuronSim µs/epoch", .. Ran.SelectMany(p => new[]
        {
            $"{p.Name} µs/epoch", $"{p.Name} threads", $"NeuronSim/{p.Name}", $"{p.Name} 1-thread µs/epoch", $"NeuronSim/{p.Name} 1-thread",
        })];

    /// <summary>A row of the peers' table.</summary>
    public string[] PeerCells(BenchResult r) =>
    [
        r.Data, string.Join(',', r.Hidden), C(r.EcsMicroseconds),
        .. Ran.SelectMany(p => Timing(p, r) is { } t
            ? new[] { C(t.Microseconds), t.Threads.ToString(), C(r.EcsMicroseconds / t.Microseconds), C(t.OneThreadMicroseconds), C(r.EcsMicroseconds / t.OneThreadMicroseconds) }
            : ["-", "-", "-", "-", "-"]),
    ];

    /// <summary>The peer's timing of <paramref name="r"/>'s case, if it ran.</summary>
    public PeerTiming? Timing(PeerReport peer, BenchResult r) =>
        peer.Timings.GetValueOrDefault(Path.Combine(PeerRoot, PeerCase.DirectoryName(r.Data, r.Hidden)));

    /// <summary>
    /// Whether the peer's first losses equal NeuronSim's (relative 1e-9): it started from the same
    /// weights and data and trains the same way. Null when it did not run the case.
    /// </summary>
    public bool? SameStart(PeerReport peer, BenchResult r) => Timing(peer, r) is { } t
        ? t.Losses.Length == r.FirstLosses.Length && t.Losses.Zip(r.FirstLosses).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.Second)))
        : null;

    /// <summary>CSV: a header line, then one line per case; peer columns when peers ran (empty where a peer did not run the case).</summary>
    public string Csv(IEnumerable<BenchResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', CsvColumns.Concat(Ran.SelectMany(p => new[]
        {
            $"{p.Name}_us_per_epoch", $"{p.Name}_threads", $"ecs_over_{p.Name}", $"{p.Name}_one_thread_us_per_epoch", $"ecs_over_{p.Name}_one_thread",
        }))));
        foreach (var r in results)
        {
            IEnumerable<string> cells =
            [
                r.Data, $"\"{string.Join(',', r.Hidden)}\"", r.Samples.ToString(), R(r.FlopsPerEpoch / 1e6), R(r.EcsMicroseconds), R(r.DenseMicroseconds),
                R(r.EcsGflops), R(r.DenseGflops), R(r.Ratio), R(r.EcsBytesPerEpoch),
            ];
            foreach (var peer in Ran)
            {
                cells = Timing(peer, r) is { } t
                    ? cells.Concat([R(t.Microseconds), t.Threads.ToString(), R(r.EcsMicroseconds / t.Microseconds), R(t.OneThreadMicroseconds), R(r.EcsMicroseconds / t.OneThreadMicroseconds)])
                    : cells.Concat(["", "", "", "", ""]);
            }
            text.AppendLine(string.Join(',', cells));
        }
        return text.ToString();
    }

    /// <summary>JSON: the machine, the kernel path, every case with its peers, the peers' BLAS, and <paramref name="extra"/> (frame timing, memory).</summary>
    public string Json(IEnumerable<BenchResult> results, string kernel, object? extra = null)
    {
        var document = new
        {
            cores = Environment.ProcessorCount,
            kernel,
            cases = results.Select(r => new
            {
                data = r.Data,
                hidden = r.Hidden,
                points = r.Samples,
                flops_per_epoch = r.FlopsPerEpoch,
                ecs_us_per_epoch = r.EcsMicroseconds,
                dense_us_per_epoch = r.DenseMicroseconds,
                ecs_gflops = r.EcsGflops,
                dense_gflops = r.DenseGflops,
                ecs_over_dense = r.Ratio,
                ecs_bytes_per_epoch = r.EcsBytesPerEpoch,
                peers = Ran.Where(p => Timing(p, r) is not null).ToDictionary(p => p.Name, p => new
                {
                    us_per_epoch = Timing(p, r)!.Microseconds,
                    threads = Timing(p, r)!.Threads,
                    ecs_over_peer = r.EcsMicroseconds / Timing(p, r)!.Microseconds,
                    one_thread_us_per_epoch = double.IsNaN(Timing(p, r)!.OneThreadMicroseconds) ? (double?)null : Timing(p, r)!.OneThreadMicroseconds,
                    same_start = SameStart(p, r),
                }),
            }),
            peers = Peers.Select(p => new { name = p.Name, version = p.Version, missing = p.Missing, blas = p.Blas }),
            extra,
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string C(double value) => Numbers.Compact(value);

    private static string R(double value) => Numbers.RoundTrip(value);
}
