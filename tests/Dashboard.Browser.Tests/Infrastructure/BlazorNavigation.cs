using Microsoft.Playwright;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>Navigation to Blazor Server pages, which handle clicks only once their circuit is connected.</summary>
public static class BlazorNavigation
{
    /// <summary>Time allowed for the /_blazor WebSocket to connect after the page has loaded.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMinutes(1);

    // Blazor's browser renderer marks each element captured with @ref by an attribute named _bl_<id>. The
    // server-side prerender writes no such attribute, so its first appearance shows that the interactive
    // render has replaced the prerendered DOM and attached the event handlers.
    private const string InteractiveRenderScript =
        "() => Array.from(document.querySelectorAll('*')).some(e => Array.from(e.attributes).some(a => a.name.startsWith('_bl_')))";

    /// <summary>
    /// Opens <paramref name="url"/> and waits until the page is interactive: its /_blazor WebSocket has
    /// received the SignalR handshake reply, and the first interactive render has reached the page. Input
    /// typed before that render is lost, because the render overwrites the prerendered fields. The page
    /// must contain an element captured with @ref (MudBlazor's inputs and the charts are). Returns the HTTP response.
    /// </summary>
    public static async Task<IResponse> GotoInteractiveAsync(this IPage page, Uri url, DashboardProcess server)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnWebSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, _) => connected.TrySetResult();
            }
        }

        page.WebSocket += OnWebSocket;
        try
        {
            var response = await page.GotoAsync(url.ToString())
                ?? throw new InvalidOperationException($"Navigation to {url} returned no response.");
            try
            {
                await connected.Task.WaitAsync(ConnectTimeout);
            }
            catch (TimeoutException exception)
            {
                throw new TimeoutException(server.Describe(
                    $"the Blazor WebSocket (/_blazor) of {url} to connect within {ConnectTimeout.TotalSeconds:F0} s (HTTP status {response.Status})"),
                    exception);
            }

            await server.ExpectAsync(page, $"the first interactive render of {url} (an element with a _bl_ attribute) within {ConnectTimeout.TotalSeconds:F0} s",
                () => page.WaitForFunctionAsync(InteractiveRenderScript, null, new PageWaitForFunctionOptions
                {
                    PollingInterval = 100,
                    Timeout = (float)ConnectTimeout.TotalMilliseconds,
                }));

            return response;
        }
        finally
        {
            page.WebSocket -= OnWebSocket;
        }
    }
}
