namespace NeuronSim.Window;

/// <summary>
/// Why SDL could not open a window, in words that name the real cause: a video driver forced by
/// SDL_VIDEODRIVER that does not work, a DISPLAY that is set but cannot be reached, or no display at all.
/// </summary>
public static class DisplayDiagnosis
{
    /// <summary>
    /// The one-line reason for a failed <c>SDL_Init</c> given the environment (<paramref name="display"/>
    /// = DISPLAY, <paramref name="wayland"/> = WAYLAND_DISPLAY, <paramref name="videoDriver"/> =
    /// SDL_VIDEODRIVER; null or empty when unset) and SDL's own error text.
    /// </summary>
    public static string Explain(string? display, string? wayland, string? videoDriver, string sdlError)
    {
        var sdl = string.IsNullOrWhiteSpace(sdlError) ? "no SDL error text" : sdlError.Trim();
        if (!string.IsNullOrEmpty(videoDriver))
            return $"cannot open a window: SDL_VIDEODRIVER={videoDriver} forces a video driver that does not work here (SDL: {sdl}); unset it or set it to x11 or wayland";
        if (!string.IsNullOrEmpty(display))
            return $"cannot open a window: the X display DISPLAY={display} cannot be reached (SDL: {sdl}); check that its X server runs and allows you (xauth), or run under xvfb-run";
        if (!string.IsNullOrEmpty(wayland))
            return $"cannot open a window: the Wayland display WAYLAND_DISPLAY={wayland} cannot be reached (SDL: {sdl}); or set DISPLAY, or run under xvfb-run";
        return $"cannot open a window ({sdl}): no display: set DISPLAY or run under xvfb-run (apt-get install xvfb)";
    }

    /// <summary><see cref="Explain(string?, string?, string?, string)"/> for this process's environment.</summary>
    public static string Explain(string sdlError) => Explain(
        Environment.GetEnvironmentVariable("DISPLAY"),
        Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"),
        Environment.GetEnvironmentVariable("SDL_VIDEODRIVER"),
        sdlError);
}
