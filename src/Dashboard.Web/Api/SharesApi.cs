using Dashboard.Core.Configuration;
using Dashboard.Storage;
using Dashboard.Web.Security;
using Dashboard.Web.Sharing;

namespace Dashboard.Web.Api;

/// <summary>
/// Share links over HTTP: create one (the response is the only place its token appears), list them, and
/// revoke one. When sign-in is on, researchers create and revoke links only to their own runs and groups.
/// </summary>
public static class SharesApi
{
    public static IEndpointRouteBuilder MapSharesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/shares");
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapPost("/{id}/revoke", Revoke);
        return endpoints;
    }

    private static IResult Create(CreateShareBody? body, ShareLinkService shares, TimeProvider time, HttpRequest request, RunOwnership ownership)
    {
        if (body is null || !Enum.TryParse<ShareScopeKind>(body.Scope, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return ApiProblems.Validation([new FieldError("scope", "Scope must be run, group or comparison.")], "Invalid share link");
        }

        var scope = new ShareScope(kind, body.Ids ?? []);
        if (ShareLinkService.Validate(scope, body.ExpiresAt, time.GetUtcNow()) is { } error)
        {
            string path = error.Contains("expiry", StringComparison.Ordinal) ? "expiresAt" : "ids";
            return ApiProblems.Validation([new FieldError(path, error)], "Invalid share link");
        }

        if (ownership.CheckScope(request.HttpContext.User, scope) is { } refusal)
        {
            return refusal;
        }

        var created = shares.Create(scope, body.ExpiresAt);
        if (created is null)
        {
            return Results.Problem($"No {kind.ToString().ToLowerInvariant()} matches the ids {string.Join(", ", scope.Ids)}.", statusCode: StatusCodes.Status404NotFound);
        }

        string url = $"{request.Scheme}://{request.Host}{request.PathBase}{created.Path}";
        var dto = ShareLinkDto.From(created.Link, ShareLinkState.Active) with { Token = created.Token, Url = url };
        return Results.Created($"/api/v1/shares/{created.Link.Id}", dto);
    }

    private static IResult List(ShareLinkService shares, string? scope = null, string? id = null)
    {
        IReadOnlyList<ShareLink> links;
        if (scope is null && id is null)
        {
            links = shares.List();
        }
        else if (Enum.TryParse<ShareScopeKind>(scope, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !string.IsNullOrEmpty(id))
        {
            links = shares.ListFor(kind, id);
        }
        else
        {
            return ApiProblems.Validation([new FieldError("scope", "Filter with both scope (run, group or comparison) and id, or with neither.")], "Invalid filter");
        }

        return Results.Ok(links.Select(link => ShareLinkDto.From(link, shares.StateNow(link))));
    }

    private static IResult Revoke(string id, ShareLinkService shares, RunOwnership ownership, HttpContext context)
    {
        if (shares.Find(id) is { } existing && ownership.CheckScope(context.User, existing.Scope) is { } refusal)
        {
            return refusal;
        }

        return shares.Revoke(id) is { } link
            ? Results.Ok(ShareLinkDto.From(link, shares.StateNow(link)))
            : Results.Problem($"No share link has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
    }
}
