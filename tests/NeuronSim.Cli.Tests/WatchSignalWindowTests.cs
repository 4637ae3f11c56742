using System.Text.RegularExpressions;

namespace NeuronSim.Cli.Tests;

/// <summary>Issue 14: the live window quits on SIGINT or SIGTERM as on Esc (a recording is saved, the quit line printed), exit 130 or 143, at once.</summary>
[Collection(XvfbRunner.Collection)]
public class WatchSignalWindowTests
{
    [WindowFact]
    public void Sigint_and_sigterm_quit_the_window_as_esc_does_saving_the_recording()
    {
        var directory = Directory.CreateTempSubdirectory("neuronsim-watch-signal-").FullName;
        try
        {
            // SIGINT at its default in the child (a background job of a script ignores it otherwise); V starts a recording,
            // which quitting saves. Then the same with SIGTERM and no recording. Each prints "<signal> exit=CODE ms=TIME".
            var script = $"""
                for signal in INT TERM; do
                  env --default-signal=INT dotnet "{CliRunner.DllPath}" watch --speed 1 --screenshots "{directory}" &
                  app=$!
                  for i in $(seq 150); do
                    wid=$(xdotool search --onlyvisible --name NeuronSim 2>/dev/null | head -1)
                    [ -n "$wid" ] && break
                    sleep 0.2
                  done
                  sleep 0.5
                  [ $signal = INT ] && xdotool key v && sleep 1
                  start=$(date +%s%N)
                  kill -$signal $app
                  wait $app
                  code=$?
                  echo "$signal exit=$code ms=$(( ($(date +%s%N) - start) / 1000000 ))"
                done
                """;
            var result = XvfbRunner.Run(script, TimeSpan.FromSeconds(120));
            var output = result.Stdout;

            foreach (var (signal, code) in new[] { ("INT", 130), ("TERM", 143) })
            {
                var line = Regex.Match(output, $@"(?m)^{signal} exit=(\d+) ms=(\d+)$");
                Assert.True(line.Success, $"{output}\n{result.Stderr}");
                Assert.True(code == int.Parse(line.Groups[1].Value), $"{signal}: exit {line.Groups[1].Value}, expected {code}\n{output}\n{result.Stderr}");
                Assert.InRange(int.Parse(line.Groups[2].Value), 0, (int)CommandStopTests.StopBound.TotalMilliseconds);
            }
            Assert.Equal(2, Regex.Matches(output, @"(?m)^interrupted at epoch \d+: loss 0\.\d+.*; network 2-4-4-1$").Count);
            Assert.DoesNotContain("not stopped", result.Stderr);
            var recorded = Regex.Match(output, @"recorded (\d+) frames to (.+\.gif), saved on quit");
            Assert.True(recorded.Success, output);
            Assert.True(int.Parse(recorded.Groups[1].Value) > 0, output);
            Assert.Single(Directory.GetFiles(directory, "*.gif"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
