namespace NeuronSim.Network.Model.Kernels;

/// <summary>The layer products as plain scalar loops: the path for CPUs without vectors, and a second oracle.</summary>
internal static class ScalarKernels
{
    /// <summary>outputs[r][s] = init[r] + sum_k w[offset + r * rs + k * cs] * inputs[k][s] for rows [r0, r1).</summary>
    public static void WeightedSums(double[] w, int offset, int rs, int cs, double[][] inputs, double[][] outputs, double[] init, int samples, int r0, int r1)
    {
        for (var r = r0; r < r1; r++)
        {
            var o = outputs[r];
            Array.Fill(o, init.Length == 0 ? 0 : init[r], 0, samples);
            for (var k = 0; k < inputs.Length; k++)
            {
                var (x, wk) = (inputs[k], w[offset + r * rs + k * cs]);
                for (var s = 0; s < samples; s++) o[s] += wk * x[s];
            }
        }
    }

    /// <summary>grads[offset + j * fanIn + i] = sum_s deltas[j][s] * inputs[i][s] for columns [i0, i1).</summary>
    public static void GradientDots(double[][] deltas, double[][] inputs, double[] grads, int offset, int samples, int i0, int i1)
    {
        for (var j = 0; j < deltas.Length; j++)
        {
            var d = deltas[j];
            for (var i = i0; i < i1; i++)
            {
                var x = inputs[i];
                double sum = 0;
                for (var s = 0; s < samples; s++) sum += d[s] * x[s];
                grads[offset + j * inputs.Length + i] = sum;
            }
        }
    }
}
