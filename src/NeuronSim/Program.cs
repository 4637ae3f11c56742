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
            + "Exit codes: 0 trained (converged or reached --epochs), 1 the loss became NaN/infinite, 2 bad arguments.")
        .WithExample("train", "--data", "xor", "--seed", "1")
        .WithExample("train", "--data", "linear", "--hidden", "10,10", "--lr", "0.5");
    config.SetExceptionHandler((exception, _) => CliErrors.Report(exception));
});
return app.Run(args);
