using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Core.Protocol;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.SignIn;

/// <summary>API tokens, anonymous routes and the runs hub while sign-in is on.</summary>
public sealed class TokenAndShareAccessTests(SignedInServer server) : IClassFixture<SignedInServer>
{
    [Fact]
    public async Task CreatedTokenWorksUntilRevoked()
    {
        using var owner = server.ClientFor("vera");
        using var create = await owner.PostAsync("/api/v1/tokens", new StringContent("""{"label":"nightly export"}""", Encoding.UTF8, "application/json"));
        var token = await create.Content.ReadFromJsonAsync<ApiTokenDto>();
        using var client = server.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);

        using var before = await client.GetAsync("/api/v1/runs");
        using var revoke = await owner.PostAsync($"/api/v1/tokens/{token.Id}/revoke", null);
        using var after = await client.GetAsync("/api/v1/runs");

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(token.Token![..ApiTokenService.PrefixLength], token.Prefix);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task TokenListShowsPrefixButNeverSecret()
    {
        using var owner = server.ClientFor("rita");
        string listed = await owner.GetStringAsync("/api/v1/tokens");

        Assert.Contains(server.Tokens["rita"][..ApiTokenService.PrefixLength], listed);
        Assert.DoesNotContain(server.Tokens["rita"], listed);
    }

    [Fact]
    public async Task UserCannotRevokeAnotherUsersToken()
    {
        using var admin = server.ClientFor("ada");
        string adminTokens = await admin.GetStringAsync("/api/v1/tokens");
        string id = System.Text.Json.JsonDocument.Parse(adminTokens).RootElement[0].GetProperty("id").GetString()!;
        using var viewer = server.ClientFor("vera");

        using var response = await viewer.PostAsync($"/api/v1/tokens/{id}/revoke", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SharedPageOpensWithoutSignIn()
    {
        string runId = server.AddFinishedRun("ada");
        using var admin = server.ClientFor("ada");
        using var create = await admin.PostAsync("/api/v1/shares", new StringContent($$"""{"scope":"run","ids":["{{runId}}"]}""", Encoding.UTF8, "application/json"));
        string url = (await create.Content.ReadFromJsonAsync<Dashboard.Web.Api.ShareLinkDto>())!.Url!;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Server.BaseAddress };

        using var page = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        using var health = await anonymous.GetAsync("/healthz");
        using var signIn = await anonymous.GetAsync("/signin");
        using var script = await anonymous.GetAsync("/_framework/blazor.web.js");
        using var styles = await anonymous.GetAsync("/css/app.css");
        using var negotiate = await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("run of ada", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task PageRedirectsAnonymousBrowserToSignIn()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Server.BaseAddress };

        using var runs = await anonymous.GetAsync("/runs?q=tag:paper");
        using var launch = await anonymous.GetAsync("/runs/new");

        Assert.Equal(HttpStatusCode.Redirect, runs.StatusCode);
        Assert.StartsWith("/signin", runs.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString("/runs?q=tag:paper"), runs.Headers.Location.Query);
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDeclaresBearerScheme()
    {
        using var client = server.ClientFor("vera");
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(BearerSchemeTransformer.SchemeName);
        var requirement = document.RootElement.GetProperty("security")[0];

        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(requirement.TryGetProperty(BearerSchemeTransformer.SchemeName, out _), requirement.GetRawText());
        Assert.Contains("\"/api/v1/tokens\"", document.RootElement.GetProperty("paths").GetRawText());
    }

    [Fact]
    public async Task HubRejectsAnonymousSubscriber()
    {
        string runId = server.AddFinishedRun("ada");
        await using var connection = Connect(accessToken: null);
        await connection.StartAsync();

        var rejection = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<bool>(RunsHubContract.Subscribe, runId));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync(RunsHubContract.SubscribeRunList));

        Assert.Contains("unauthorized", rejection.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HubAcceptsSubscriberWithAccessToken()
    {
        string runId = server.AddFinishedRun("ada");
        await using var connection = Connect(server.Tokens["vera"]);
        await connection.StartAsync();

        bool subscribed = await connection.InvokeAsync<bool>(RunsHubContract.Subscribe, runId);

        Assert.True(subscribed);
    }

    private HubConnection Connect(string? accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.Server.BaseAddress, RunsHubContract.Path.TrimStart('/')), options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
}
