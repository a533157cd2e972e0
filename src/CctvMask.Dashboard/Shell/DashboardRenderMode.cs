using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CctvMask.Dashboard.Shell;

/// <summary>
/// Interactive server rendering without prerendering: every page needs the user's key, which the
/// circuit gets from the login cookie, so rendering once (in the circuit) avoids double API calls.
/// </summary>
public static class DashboardRenderMode
{
    public static readonly IComponentRenderMode Interactive = new InteractiveServerRenderMode(prerender: false);
}
