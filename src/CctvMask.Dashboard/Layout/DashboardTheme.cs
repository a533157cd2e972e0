using MudBlazor;

namespace CctvMask.Dashboard.Layout;

/// <summary>Palette with WCAG AA contrast for text on the app bar, chips and buttons.</summary>
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
    };
}
