using Dashboard.Core.Configuration;
using Dashboard.Storage;
using Dashboard.Web.Api;

namespace Dashboard.Web.Security;

/// <summary>
/// API tokens of the calling user: create one (the response is the only place its secret appears), list them,
/// revoke one. Admins may revoke anyone's token. Needs a signed-in user, so it is unavailable while sign-in is off.
/// </summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/tokens").RequireAuthorization(DashboardRoles.Viewer);
        group.MapGet("/", (HttpContext context, ApiTokenService tokens) =>
            UserName(context) is { } user ? Results.Ok(tokens.ListForUser(user).Select(ApiTokenDto.From)) : NoUser());
        group.MapPost("/", Create);
        group.MapPost("/{id}/revoke", Revoke);
        return endpoints;
    }

    private static IResult Create(CreateTokenBody? body, HttpContext context, ApiTokenService tokens)
    {
        if (UserName(context) is not { } user)
        {
            return NoUser();
        }

        var (token, secret, error) = tokens.Create(user, body?.Label);
        if (error is not null)
        {
            return ApiProblems.Validation([new FieldError("label", error)], "The token request is invalid.");
        }

        return Results.Created($"/api/v1/tokens/{token!.Id}", ApiTokenDto.From(token) with { Token = secret });
    }

    private static IResult Revoke(string id, HttpContext context, ApiTokenService tokens)
    {
        var token = tokens.Find(id);
        bool visible = token is not null
            && (context.User.IsInRole(DashboardRoles.Admin) || string.Equals(token.UserName, context.User.Identity?.Name, StringComparison.OrdinalIgnoreCase));
        if (!visible)
        {
            return Results.Problem($"You have no API token with the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Token not found");
        }

        return Results.Ok(ApiTokenDto.From(tokens.Revoke(id)!));
    }

    private static string? UserName(HttpContext context) => DashboardRoles.OwnerName(context.User);

    private static IResult NoUser() => Results.Problem(
        "API tokens belong to users, and sign-in is off on this server, so every caller already has full access.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Sign-in is off");
}

/// <summary>Body of <c>POST /api/v1/tokens</c>: a label that names where the token is used.</summary>
public sealed record CreateTokenBody(string? Label);

/// <summary>An API token as the HTTP API returns it. <see cref="Token"/> is set only in the response that creates it.</summary>
public sealed record ApiTokenDto(string Id, string Label, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? Token = null)
{
    public static ApiTokenDto From(ApiToken token) =>
        new(token.Id, token.Label, token.TokenPrefix, token.CreatedAt, token.LastUsedAt, token.RevokedAt);
}
