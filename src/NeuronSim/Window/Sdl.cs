using System.Reflection;
using System.Runtime.InteropServices;

namespace NeuronSim.Window;

/// <summary>
/// The few SDL2 functions and constants the window needs. Bound with <c>LibraryImport</c> to the
/// logical name "SDL2", which <see cref="EnsureResolver"/> maps to Debian's file name
/// <c>libSDL2-2.0.so.0</c> (there is no <c>libSDL2.so</c> without the -dev package).
/// All calls must come from the thread that called <see cref="SDL_Init"/>.
/// </summary>
internal static unsafe partial class Sdl
{
    private const string Lib = "SDL2";

    /// <summary>Subsystem flag for <see cref="SDL_Init"/>.</summary>
    public const uint SDL_INIT_VIDEO = 0x00000020;

    /// <summary>Window flag: the window is visible.</summary>
    public const uint SDL_WINDOW_SHOWN = 0x00000004;

    /// <summary>Window flag: the window can be resized.</summary>
    public const uint SDL_WINDOW_RESIZABLE = 0x00000020;

    /// <summary>Let the window manager place the window.</summary>
    public const int SDL_WINDOWPOS_UNDEFINED = 0x1FFF0000;

    /// <summary>Renderer flag: hardware accelerated.</summary>
    public const uint SDL_RENDERER_ACCELERATED = 0x00000002;

    /// <summary>32-bit ARGB; in memory on little-endian this is B, G, R, A.</summary>
    public const uint SDL_PIXELFORMAT_ARGB8888 = 0x16362004;

    /// <summary>Texture access: changes often, lockable / updatable from memory.</summary>
    public const int SDL_TEXTUREACCESS_STREAMING = 1;

    /// <summary>Event type: the user asked to quit (last window closed, or a signal).</summary>
    public const uint SDL_QUIT = 0x100;

    /// <summary>Event type: a window state change (see <see cref="SdlEvent.WindowEventId"/>).</summary>
    public const uint SDL_WINDOWEVENT = 0x200;

    /// <summary>Event type: a key was pressed.</summary>
    public const uint SDL_KEYDOWN = 0x300;

    /// <summary>SDL_MOUSEMOTION.</summary>
    public const uint SDL_MOUSEMOTION = 0x400;

    /// <summary>SDL_MOUSEBUTTONDOWN (x and y at the same offsets as a motion's).</summary>
    public const uint SDL_MOUSEBUTTONDOWN = 0x401;

    /// <summary>SDL_MOUSEBUTTONUP (x and y at the same offsets as a motion's).</summary>
    public const uint SDL_MOUSEBUTTONUP = 0x402;

    /// <summary>SDL_WINDOWEVENT_LEAVE: the mouse left the window.</summary>
    public const byte SDL_WINDOWEVENT_LEAVE = 11;

    /// <summary>Window event id: the window size changed (data1 x data2).</summary>
    public const byte SDL_WINDOWEVENT_SIZE_CHANGED = 6;

    /// <summary>Window event id: the window manager asked to close the window.</summary>
    public const byte SDL_WINDOWEVENT_CLOSE = 14;

    /// <summary>Key modifier: left shift.</summary>
    public const ushort KMOD_LSHIFT = 0x0001;

    /// <summary>Key modifier: right shift.</summary>
    public const ushort KMOD_RSHIFT = 0x0002;

    /// <summary>Key modifier: left or right ctrl.</summary>
    public const ushort KMOD_CTRL = 0x0040 | 0x0080;

    private static int _resolverInstalled;

    /// <summary>
    /// Installs (once per process) the import resolver that maps "SDL2" to
    /// <c>libSDL2-2.0.so.0</c>, falling back to <c>libSDL2.so</c>. Safe to call repeatedly.
    /// </summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) != 0) return;
        NativeLibrary.SetDllImportResolver(typeof(Sdl).Assembly, Resolve);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Lib) return 0; // not ours: default probing
        string[] candidates =
            OperatingSystem.IsWindows() ? ["SDL2.dll"]
            : OperatingSystem.IsMacOS() ? ["libSDL2-2.0.0.dylib", "libSDL2.dylib"]
            : ["libSDL2-2.0.so.0", "libSDL2.so"];
        foreach (var name in candidates)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle)) return handle;
        }
        return 0; // default probing, which ends in DllNotFoundException
    }

    /// <summary>The last SDL error message ("" when none).</summary>
    public static string GetError()
    {
        var p = SDL_GetError();
        return p == null ? "" : Marshal.PtrToStringUTF8((nint)p) ?? "";
    }

    /// <summary>Sets a configuration hint; returns SDL_TRUE (1) when it was set.</summary>
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SDL_SetHint(string name, string value);

    /// <summary>Initialises the given subsystems; 0 on success, negative on failure.</summary>
    [LibraryImport(Lib)]
    public static partial int SDL_Init(uint flags);

    /// <summary>Shuts down all subsystems.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_Quit();

    /// <summary>The last error as a static UTF-8 string owned by SDL (do not free).</summary>
    [LibraryImport(Lib)]
    public static partial byte* SDL_GetError();

    /// <summary>Creates a window; null on failure.</summary>
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint SDL_CreateWindow(string title, int x, int y, int w, int h, uint flags);

    /// <summary>Sets the smallest client size the user can resize the window to.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_SetWindowMinimumSize(nint window, int minWidth, int minHeight);

    /// <summary>Destroys a window.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_DestroyWindow(nint window);

    /// <summary>Creates a renderer for a window (index -1: first that supports the flags).</summary>
    [LibraryImport(Lib)]
    public static partial nint SDL_CreateRenderer(nint window, int index, uint flags);

    /// <summary>Destroys a renderer and its textures.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_DestroyRenderer(nint renderer);

    /// <summary>Creates a texture; null on failure.</summary>
    [LibraryImport(Lib)]
    public static partial nint SDL_CreateTexture(nint renderer, uint format, int access, int w, int h);

    /// <summary>Destroys a texture.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_DestroyTexture(nint texture);

    /// <summary>Copies pixels into a texture (rect null: whole texture); 0 on success.</summary>
    [LibraryImport(Lib)]
    public static partial int SDL_UpdateTexture(nint texture, void* rect, void* pixels, int pitch);

    /// <summary>Clears the render target with the draw colour.</summary>
    [LibraryImport(Lib)]
    public static partial int SDL_RenderClear(nint renderer);

    /// <summary>Copies a texture to the render target (null rects: whole texture, whole target).</summary>
    [LibraryImport(Lib)]
    public static partial int SDL_RenderCopy(nint renderer, nint texture, void* srcRect, void* dstRect);

    /// <summary>Shows what was rendered.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_RenderPresent(nint renderer);

    /// <summary>Takes the next pending event; 1 when one was taken, 0 when the queue is empty.</summary>
    [LibraryImport(Lib)]
    public static partial int SDL_PollEvent(SdlEvent* e);

    /// <summary>The client size of a window in screen coordinates.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_GetWindowSize(nint window, int* w, int* h);

    /// <summary>Sets the window title.</summary>
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SDL_SetWindowTitle(nint window, string title);

    /// <summary>Sleeps for the given number of milliseconds.</summary>
    [LibraryImport(Lib)]
    public static partial void SDL_Delay(uint ms);
}

/// <summary>
/// SDL2's <c>SDL_Event</c> union (56 bytes), with only the fields the window reads.
/// Offsets from SDL_events.h (SDL 2.0.x, unchanged through 2.30):
/// common: type@0 (Uint32), timestamp@4, windowID@8.
/// SDL_KeyboardEvent: state@12, repeat@13 (Uint8), keysym@16 = { scancode@16, sym@20 (Sint32),
/// mod@24 (Uint16), unused@28 }.
/// SDL_WindowEvent: event@12 (Uint8), data1@16, data2@20 (Sint32).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct SdlEvent
{
    /// <summary>Event type (SDL_QUIT, SDL_WINDOWEVENT, SDL_KEYDOWN, ...).</summary>
    [FieldOffset(0)] public uint Type;

    /// <summary>Keyboard: non-zero when this is an auto-repeat.</summary>
    [FieldOffset(13)] public byte KeyRepeat;

    /// <summary>Keyboard: the SDL keycode (keysym.sym).</summary>
    [FieldOffset(20)] public int KeySym;

    /// <summary>Keyboard: the modifier state (keysym.mod).</summary>
    [FieldOffset(24)] public ushort KeyMod;

    /// <summary>Mouse button: which button (SDL_MouseButtonEvent.button, 1 = left).</summary>
    [FieldOffset(16)] public byte MouseButton;

    /// <summary>Mouse motion: x in window pixels (SDL_MouseMotionEvent.x).</summary>
    [FieldOffset(20)] public int MouseX;

    /// <summary>Mouse motion: y in window pixels (SDL_MouseMotionEvent.y).</summary>
    [FieldOffset(24)] public int MouseY;

    /// <summary>Window event: the SDL_WindowEventID.</summary>
    [FieldOffset(12)] public byte WindowEventId;

    /// <summary>Window event: first datum (new width for SIZE_CHANGED).</summary>
    [FieldOffset(16)] public int WindowData1;

    /// <summary>Window event: second datum (new height for SIZE_CHANGED).</summary>
    [FieldOffset(20)] public int WindowData2;
}
