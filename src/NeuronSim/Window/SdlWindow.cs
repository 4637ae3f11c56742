namespace NeuronSim.Window;

/// <summary>
/// A resizable SDL2 window that shows BGRA frames and reports key presses.
/// Create it with <see cref="TryOpen"/>; use it from one thread only (the one that opened it);
/// only one window may be open at a time (it owns SDL_Init / SDL_Quit).
/// </summary>
public sealed unsafe class SdlWindow : IDisposable
{
    private nint _window;
    private nint _renderer;
    private nint _texture;
    private int _textureWidth;
    private int _textureHeight;
    private bool _closed;
    private string _title;

    private SdlWindow(nint window, nint renderer, string title)
    {
        _window = window;
        _renderer = renderer;
        _title = title;
        RefreshSize();
    }

    /// <summary>The current client width in screen coordinates (updated on resize).</summary>
    public int Width { get; private set; }

    /// <summary>The current client height in screen coordinates (updated on resize).</summary>
    public int Height { get; private set; }

    /// <summary>The window title.</summary>
    public string Title
    {
        get => _title;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ObjectDisposedException.ThrowIf(_window == 0, this);
            _title = value;
            Sdl.SDL_SetWindowTitle(_window, value);
        }
    }

    /// <summary>
    /// Opens a window on the X11 (or Wayland) display. Never picks SDL's invisible offscreen
    /// driver. On failure returns false and an <paramref name="error"/> that says whether SDL2 is
    /// missing or there is no display.
    /// </summary>
    /// <param name="title">The window title.</param>
    /// <param name="width">The initial client width.</param>
    /// <param name="height">The initial client height.</param>
    /// <param name="window">The open window, or null on failure.</param>
    /// <param name="error">Why it failed, or "" on success.</param>
    /// <param name="minWidth">The smallest client width the window can be resized to.</param>
    /// <param name="minHeight">The smallest client height the window can be resized to.</param>
    public static bool TryOpen(string title, int width, int height, out SdlWindow? window, out string error, int minWidth = 1, int minHeight = 1)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        window = null;
        error = "";
        Sdl.EnsureResolver();
        try
        {
            // Must precede SDL_Init: without it SDL 2.26 silently falls back to "offscreen" when
            // there is no display. Setting the environment variable from .NET has no effect.
            // Wayland only when a Wayland session is there: probing it otherwise prints noise.
            var drivers = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")) ? "x11" : "wayland,x11";
            Sdl.SDL_SetHint("SDL_VIDEODRIVER", drivers);
            // SIGINT and SIGTERM stay with the process's own handler (Interruption), which the frame loop checks:
            // SDL's would turn them into a window close, and the exit code would no longer say a signal came.
            Sdl.SDL_SetHint("SDL_NO_SIGNAL_HANDLERS", "1");
        }
        catch (DllNotFoundException)
        {
            error = "SDL2 is not installed: apt-get install libsdl2-2.0-0";
            return false;
        }

        if (Sdl.SDL_Init(Sdl.SDL_INIT_VIDEO) != 0)
        {
            var why = Sdl.GetError();
            Sdl.SDL_Quit();
            error = DisplayDiagnosis.Explain(why);
            return false;
        }

        var w = Sdl.SDL_CreateWindow(title, Sdl.SDL_WINDOWPOS_UNDEFINED, Sdl.SDL_WINDOWPOS_UNDEFINED,
            width, height, Sdl.SDL_WINDOW_SHOWN | Sdl.SDL_WINDOW_RESIZABLE);
        if (w == 0)
        {
            error = $"SDL_CreateWindow failed: {Describe(Sdl.GetError())}";
            Sdl.SDL_Quit();
            return false;
        }

        Sdl.SDL_SetWindowMinimumSize(w, Math.Min(minWidth, width), Math.Min(minHeight, height));

        // Flags 0: SDL tries accelerated renderers first and falls back to software.
        var r = Sdl.SDL_CreateRenderer(w, -1, 0);
        if (r == 0)
        {
            error = $"SDL_CreateRenderer failed: {Describe(Sdl.GetError())}";
            Sdl.SDL_DestroyWindow(w);
            Sdl.SDL_Quit();
            return false;
        }

        window = new SdlWindow(w, r, title);
        return true;
    }

    /// <summary>
    /// Shows one frame: 32-bit pixels, bytes B, G, R, A in memory (Skia's BGRA8888 on
    /// little-endian, which is SDL's ARGB8888). The frame is stretched to the client area.
    /// </summary>
    /// <param name="bgra">The pixels, row after row.</param>
    /// <param name="width">Frame width in pixels.</param>
    /// <param name="height">Frame height in pixels.</param>
    /// <param name="stride">Bytes from one row to the next (at least width * 4).</param>
    public void Present(ReadOnlySpan<byte> bgra, int width, int height, int stride)
    {
        ObjectDisposedException.ThrowIf(_window == 0, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 4);
        var needed = (long)stride * (height - 1) + (long)width * 4;
        if (bgra.Length < needed)
            throw new ArgumentException($"Buffer holds {bgra.Length} bytes, {width}x{height} at stride {stride} needs {needed}.", nameof(bgra));

        if (_texture == 0 || width != _textureWidth || height != _textureHeight)
        {
            if (_texture != 0) Sdl.SDL_DestroyTexture(_texture);
            _texture = Sdl.SDL_CreateTexture(_renderer, Sdl.SDL_PIXELFORMAT_ARGB8888,
                Sdl.SDL_TEXTUREACCESS_STREAMING, width, height);
            if (_texture == 0)
            {
                _textureWidth = _textureHeight = 0;
                throw new InvalidOperationException($"SDL_CreateTexture({width}x{height}) failed: {Describe(Sdl.GetError())}");
            }
            _textureWidth = width;
            _textureHeight = height;
        }

        fixed (byte* p = bgra)
        {
            if (Sdl.SDL_UpdateTexture(_texture, null, p, stride) != 0)
                throw new InvalidOperationException($"SDL_UpdateTexture failed: {Describe(Sdl.GetError())}");
        }
        Sdl.SDL_RenderClear(_renderer);
        Sdl.SDL_RenderCopy(_renderer, _texture, null, null);
        Sdl.SDL_RenderPresent(_renderer);
    }

    /// <summary>Where the mouse is in the window (pixels), or null when it is outside.</summary>
    public (int X, int Y)? Mouse { get; private set; }

    /// <summary>The left mouse button's presses (true) and releases (false) since the last <see cref="PollEvents"/>, where they happened (window pixels), in order.</summary>
    public List<(bool Pressed, (int X, int Y) At)> Buttons { get; } = [];

    /// <summary>
    /// Drains the event queue: appends key presses to <paramref name="keys"/> (auto-repeat only
    /// for the stepping keys: arrows and N) and tracks resizes.
    /// </summary>
    /// <param name="keys">Receives the key presses, in order.</param>
    /// <returns>False once the window was closed (SDL_QUIT or a close request), else true.</returns>
    public bool PollEvents(List<KeyPress> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (_window == 0) return false;
        SdlEvent e;
        Buttons.Clear();
        while (Sdl.SDL_PollEvent(&e) != 0)
        {
            switch (e.Type)
            {
                case Sdl.SDL_QUIT:
                    _closed = true;
                    break;
                case Sdl.SDL_WINDOWEVENT when e.WindowEventId == Sdl.SDL_WINDOWEVENT_SIZE_CHANGED:
                    Width = e.WindowData1;
                    Height = e.WindowData2;
                    break;
                case Sdl.SDL_WINDOWEVENT when e.WindowEventId == Sdl.SDL_WINDOWEVENT_LEAVE:
                    Mouse = null;
                    break;
                case Sdl.SDL_MOUSEMOTION:
                    Mouse = (e.MouseX, e.MouseY);
                    break;
                case Sdl.SDL_MOUSEBUTTONDOWN or Sdl.SDL_MOUSEBUTTONUP when e.MouseButton == 1:
                    Mouse = (e.MouseX, e.MouseY);
                    Buttons.Add((e.Type == Sdl.SDL_MOUSEBUTTONDOWN, (e.MouseX, e.MouseY)));
                    break;
                case Sdl.SDL_WINDOWEVENT when e.WindowEventId == Sdl.SDL_WINDOWEVENT_CLOSE:
                    _closed = true;
                    break;
                case Sdl.SDL_KEYDOWN:
                    if (SdlKeys.TryMap(e.KeySym, out var key) && (e.KeyRepeat == 0 || SdlKeys.Repeats(key)))
                        keys.Add(new KeyPress(key, (e.KeyMod & (Sdl.KMOD_LSHIFT | Sdl.KMOD_RSHIFT)) != 0, (e.KeyMod & Sdl.KMOD_CTRL) != 0));
                    break;
            }
        }
        return !_closed;
    }

    /// <summary>Waits the given number of milliseconds (SDL_Delay).</summary>
    /// <param name="milliseconds">How long to wait.</param>
    public static void Delay(int milliseconds)
    {
        if (milliseconds > 0) Sdl.SDL_Delay((uint)milliseconds);
    }

    /// <summary>Destroys the texture, renderer and window and shuts SDL down. Idempotent.</summary>
    public void Dispose()
    {
        if (_window == 0) return;
        if (_texture != 0) Sdl.SDL_DestroyTexture(_texture);
        Sdl.SDL_DestroyRenderer(_renderer);
        Sdl.SDL_DestroyWindow(_window);
        Sdl.SDL_Quit();
        _texture = _renderer = _window = 0;
        _closed = true;
    }

    private void RefreshSize()
    {
        int w, h;
        Sdl.SDL_GetWindowSize(_window, &w, &h);
        Width = w;
        Height = h;
    }

    private static string Describe(string sdlError) => sdlError.Length == 0 ? "no SDL error text" : sdlError;
}
