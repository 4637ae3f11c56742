namespace NeuronSim.Rendering;
