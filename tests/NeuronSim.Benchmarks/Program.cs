using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/NeuronSim.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(NeuronSim.Benchmarks.EpochBenchmarks).Assembly).Run(args);
