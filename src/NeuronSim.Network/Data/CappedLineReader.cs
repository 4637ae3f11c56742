using System.Text;

namespace NeuronSim.Network.Data;

/// <summary>
/// Reads text lines (ended by \n, \r\n or \r) from a stream without trusting it: at most
/// <c>maxBytes</c> bytes and <c>maxLineLength</c> characters per line, so a huge or endless
/// input fails fast instead of filling memory. A byte order mark is skipped.
/// </summary>
internal sealed class CappedLineReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CountingStream _counted;
    private readonly long _maxBytes;
    private readonly int _maxLineLength;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _length, _position;
    private bool _afterCarriageReturn;

    public CappedLineReader(Stream stream, long maxBytes, int maxLineLength)
    {
        _counted = new CountingStream(stream);
        _reader = new StreamReader(_counted, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        _maxBytes = maxBytes;
        _maxLineLength = maxLineLength;
    }

    /// <summary>The number of the line last returned (1-based).</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// The next line without its ending, or null at the end of the input.
    /// </summary>
    /// <exception cref="InvalidDataException">The line is too long or the input too large; the message says which.</exception>
    public string? ReadLine()
    {
        _line.Clear();
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_counted.Count > _maxBytes) throw new InvalidDataException($"the file is larger than {_maxBytes / (1024 * 1024)} MiB");
                if (_length == 0)
                {
                    if (_line.Length == 0) return null;
                    LineNumber++;
                    return _line.ToString();
                }
            }
            if (_afterCarriageReturn && _buffer[_position] == '\n') _position++; // the \n of a \r\n
            _afterCarriageReturn = false;
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny('\r', '\n');
            var piece = end < 0 ? rest : rest[..end];
            if (_line.Length + piece.Length > _maxLineLength) throw new InvalidDataException($"line longer than {_maxLineLength} characters");
            _line.Append(piece);
            _position += piece.Length;
            if (end < 0) continue;
            _afterCarriageReturn = rest[end] == '\r';
            _position++;
            LineNumber++;
            return _line.ToString();
        }
    }

    /// <summary>Closes the stream.</summary>
    public void Dispose() => _reader.Dispose();

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
