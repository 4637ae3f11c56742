using NeuronSim.Commands;

// The first Ctrl+C or SIGTERM asks the running command to stop cleanly (it keeps its results), exit 130 or 143;
// a second one, or a command still running a second later, ends the process (see Interruption).
using var interruption = Interruption.Install();
return interruption.ExitCode(CommandLine.Run(args, interruption.Token));
