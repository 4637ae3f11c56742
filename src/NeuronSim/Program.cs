using NeuronSim.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("neuronsim");
    config.UseStrictParsing();
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Train a network headless and print the lab's log, test loss, accuracy and predictions.\n"
            + "Exit codes: 0 trained (converged or reached --epochs), 1 the loss became NaN/infinite, 2 bad arguments, 130 interrupted (Ctrl+C).")
        .WithExample("train", "--data", "xor", "--seed", "1")
        .WithExample("train", "--data", "linear", "--hidden", "10,10", "--lr", "0.5");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Time ECS training against a plain dense reference (µs/epoch, GFLOP/s, ratio) for (4,4) to (400,400) on xor and linear.");
    config.AddCommand<WatchCommand>("watch")
        .WithDescription("Open a 1280x800 window and watch the network learn: graph, decision boundary, loss curve.\n"
            + "Keys: Space play/pause, N or Right +1 epoch, Shift+Right +100, Up/Down speed, R reset (new seed), D next data set, "
            + "B boundary, S screenshot, H help, Esc/Q quit.\n"
            + "Exit codes: 0 quit, 1 error or the loss diverged, 2 bad arguments, 3 no window (no display or no SDL2: says which package to install, "
            + "trains headless with the lab's output unless --paused, and writes the frame as PNG, see --out), 130 interrupted.")
        .WithExample("watch")
        .WithExample("watch", "--paused", "--data", "linear");
    config.AddCommand<SnapshotCommand>("snapshot")
        .WithDescription("Train exactly --epochs epochs headless (on past convergence, as the window does) and write the frame the window would show as PNG.\n"
            + "Exit codes: 0 written, 1 the loss diverged (the frame is still written) or the file could not be written, 2 bad arguments.")
        .WithExample("snapshot", "--epochs", "2000", "--out", "frame.png");
    config.AddCommand<ExperimentCommand>("experiment")
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
});

// Ctrl+C asks the running command to stop cleanly (it keeps its results); a second one ends the process.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
return app.Run(args, interrupt.Token);
