using System.Diagnostics;
using System.Text;
using NeuronSim.Network.Data;

namespace NeuronSim.Network.Tests;

/// <summary>The CSV reader and writer: round trips, accepted variants, and every refusal as <c>file:line: reason</c>.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("neuronsim-data-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string text, string name = "points.csv")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string Refusal(string path) => Assert.Throws<DataFileException>(() => DataFile.Read(path)).Message;

    [Theory]
    [InlineData("xor")]
    [InlineData("linear")]
    [InlineData("circle")]
    [InlineData("gauss")]
    [InlineData("spiral")]
    [InlineData("xor-quadrants")]
    public void Every_built_in_set_round_trips_exactly(string name)
    {
        var data = DataSets.ByName(name, noise: 0.2, seed: 3);
        var path = Path.Combine(_directory, name + ".csv");
        DataFile.Write(path, data);
        var back = DataFile.Read(path);
        Assert.Equal(data.X0, back.X0);
        Assert.Equal(data.X1, back.X1);
        Assert.Equal(data.Labels, back.Labels);
        Assert.Equal(name + ".csv", back.Name);
        Assert.StartsWith(DataFile.Header + "\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_loaded_set_is_bounded_by_its_points()
    {
        var data = DataFile.Read(Write("0,0,0\n10,-20,1\n"));
        Assert.Equal(new DataBounds(-0.5, 10.5, -21, 1), data.Bounds);
    }

    [Theory]
    [InlineData("x0,x1,label\n0.5,1,0\n-2,3e-1,1\n")]
    [InlineData("\uFEFF0.5;1;0\r\n\r\n-2 ; 0.3 ; 1.0\r\n")]
    [InlineData("\n  \nX;Y;Class\n0.5;1;0\n\n-2;.3;1")]
    [InlineData("0.5,1,0\r-2,0.3,1\r")]
    public void Headers_semicolons_blank_lines_a_bom_and_line_endings_are_accepted(string text)
    {
        var data = DataFile.Read(Write(text));
        Assert.Equal([0.5, -2], data.X0);
        Assert.Equal([1, 0.3], data.X1);
        Assert.Equal([0, 1], data.Labels);
    }

    [Theory]
    [InlineData("0,0,0\n0.5,0.2\n1,1,1\n", 2, "missing column: 2 of 3 (x0,x1,label)")]
    [InlineData("0,0,0\n1,1,1,1\n", 2, "too many columns: 4, expected 3 (x0,x1,label)")]
    [InlineData("x0,x1,label\n0,0,0\n\nabc,1,1\n", 4, "x0 is not a number: 'abc'")]
    [InlineData("x0,x1,label\nx,y,z\n0,0,0\n", 2, "x0 is not a number: 'x'")]
    [InlineData("0;0;0\n0,5;1;1\n", 2, "x0 is not a number: '0,5' (use a dot for decimals)")]
    [InlineData("0,0,0\n1,,1\n", 2, "x1 is empty")]
    [InlineData("0,0,0\n1,NaN,1\n", 2, "x1 is NaN")]
    [InlineData("0,0,0\n1,Infinity,1\n", 2, "x1 is infinite: 'Infinity'")]
    [InlineData("0,0,0\n1e400,1,1\n", 2, "x0 is infinite: '1e400'")]
    [InlineData("0,0,0\n1e308,1,1\n", 2, "x0 is too large: '1e308' (at most 1e150 either side of 0)")]
    [InlineData("0,0,0\n1,-1.1e150,1\n", 2, "x1 is too large: '-1.1e150' (at most 1e150 either side of 0)")]
    [InlineData("0,0,0\n1,1,2\n", 2, "label 2: expected 0 or 1")]
    [InlineData("0,0,0\n1,1,0.5\n", 2, "label 0.5: expected 0 or 1")]
    [InlineData("0,0,1\n1,1,1\n\n", 2, "every row has label 1; a data set needs both 0 and 1")]
    [InlineData("x0,x1,label\n0,0,0\n", 2, "every row has label 0; a data set needs both 0 and 1")]
    [InlineData("", 1, "no data rows (expected lines x0,x1,label)")]
    [InlineData("x0,x1,label\n\n", 2, "no data rows (expected lines x0,x1,label)")]
    [InlineData("x0,x1\n0,0,0\n", 1, "the header has 2 columns, expected 3 (x0,x1,label)")]
    public void Bad_rows_are_refused_naming_file_and_line(string text, int line, string reason)
    {
        var path = Write(text);
        Assert.Equal($"{path}:{line}: {reason}", Refusal(path));
    }

    [Fact]
    public void More_than_a_million_rows_are_refused()
    {
        var text = new StringBuilder("x0,x1,label\n");
        for (var i = 0; i <= DataSets.MaxPoints; i++) text.Append(i % 2 == 0 ? "0,0,0\n" : "1,1,1\n");
        var path = Write(text.ToString());
        Assert.Equal($"{path}:1000002: more than 1,000,000 rows", Refusal(path));
    }

    [Fact]
    public void A_million_rows_are_accepted()
    {
        var text = new StringBuilder();
        for (var i = 0; i < DataSets.MaxPoints; i++) text.Append(i % 2 == 0 ? "0,0,0\n" : "1,1,1\n");
        Assert.Equal(DataSets.MaxPoints, DataFile.Read(Write(text.ToString())).Count);
    }

    [Fact]
    public void A_line_too_long_is_refused_without_reading_it_all()
    {
        var path = Write("0,0,0\n" + new string('1', 100_000) + ",0,1\n");
        Assert.Equal($"{path}:2: line longer than 4096 characters", Refusal(path));
    }

    [Fact]
    public void Missing_files_and_directories_are_not_files()
    {
        var missing = Path.Combine(_directory, "nothing.csv");
        Assert.Equal($"{missing}: no such file", Refusal(missing));
        Assert.Equal($"{_directory}: is a directory", Refusal(_directory));
        var underFile = Path.Combine(Write("0,0,0\n"), "x.csv");
        Assert.Equal($"{underFile}: no such file", Refusal(underFile));
    }

    [Fact]
    public async Task Devices_and_fifos_are_refused_before_they_are_opened()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal("/dev/zero: is a character device, not a regular file", Refusal("/dev/zero"));
        var fifo = Path.Combine(_directory, "pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        // Opening a FIFO with no writer blocks forever: the read must not even try.
        var read = Task.Run(() => Refusal(fifo));
        var first = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(first == read, "reading a FIFO hung");
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", await read);
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_unread()
    {
        var path = Path.Combine(_directory, "huge.csv");
        using (var sparse = File.Create(path)) sparse.SetLength(DataFile.MaxBytes + 1);
        Assert.Equal($"{path}: larger than 128 MiB", Refusal(path));
    }

    [Fact]
    public void An_endless_stream_stops_at_the_byte_cap()
    {
        var error = Assert.Throws<DataFileException>(() => DataFile.Read(new EndlessBlankLines(), "stdin"));
        Assert.Matches(@"^stdin:\d+: the file is larger than 128 MiB$", error.Message);
    }

    [Fact]
    public void Unreadable_files_are_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Regular by its type, but reading it fails (EIO at address 0): works even as root.
        var error = Assert.Throws<DataFileException>(() => DataFile.Read("/proc/self/mem"));
        Assert.StartsWith("/proc/self/mem:1: cannot read: ", error.Message);
        var locked = Write("0,0,0\n1,1,1\n", "locked.csv");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        if (Environment.UserName == "root") return; // root reads anything
        Assert.Equal($"{locked}: cannot read: permission denied", Refusal(locked));
    }

    [Fact]
    public void Messages_are_one_line()
    {
        var error = new DataFileException("a\nb.csv", 3, "bad\r\nvalue");
        Assert.Equal("a b.csv:3: bad value", error.Message);
        Assert.Equal(3, error.Line);
    }

    /// <summary>Blank lines (1000 spaces each) that never end.</summary>
    private sealed class EndlessBlankLines : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = (byte)(++_position % 1001 == 0 ? '\n' : ' ');
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
