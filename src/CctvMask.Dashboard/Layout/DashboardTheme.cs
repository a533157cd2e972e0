using MudBlazor;

namespace CctvMask.Dashboard.Layout;

/// <summary>Light and dark palettes (the dark one follows prefers-color-scheme) with WCAG AA contrast for text on the app bar, chips and buttons.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0d47a1",
            Secondary = "#4a148c",
            AppbarBackground = "#102a43",
            AppbarText = "#ffffff",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            Info = "#01579b",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            Secondary = "#ce93d8",
            AppbarBackground = "#0b1d2e",
            AppbarText = "#ffffff",
            Background = "#121212",
            Surface = "#1e1e1e",
            DrawerBackground = "#1a1a1a",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
            Info = "#4fc3f7",
            TextSecondary = "rgba(255,255,255,0.75)",
        },
    };
}
