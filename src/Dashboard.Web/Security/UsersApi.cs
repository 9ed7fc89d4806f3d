using Dashboard.Core.Configuration;
using Dashboard.Storage;
using Dashboard.Web.Api;

namespace Dashboard.Web.Security;

/// <summary>User management over HTTP for admins: list, add, change role or password, remove.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/users").RequireAuthorization(DashboardRoles.Admin);
        group.MapGet("/", (UserAccounts accounts) => Results.Ok(accounts.List().Select(UserDto.From)));
        group.MapPost("/", Create);
        group.MapPatch("/{name}", Update);
        group.MapDelete("/{name}", (string name, UserAccounts accounts) =>
            accounts.Delete(name) is { } error ? Rejected(name, error, accounts) : Results.NoContent());
        return endpoints;
    }

    private static IResult Create(UserBody? body, UserAccounts accounts)
    {
        if (!DashboardRoles.TryParse(body?.Role, out var role))
        {
            return Invalid("role", $"Unknown role '{body?.Role}'; use viewer, researcher or admin.");
        }

        if (UserAccounts.ValidateName(body!.Name) is { } nameError)
        {
            return Invalid("name", nameError);
        }

        if (UserAccounts.ValidatePassword(body.Password) is { } passwordError)
        {
            return Invalid("password", passwordError);
        }

        if (accounts.Create(body.Name, role, body.Password) is { } error)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status409Conflict, title: "User exists");
        }

        return Results.Created($"/api/v1/users/{body.Name}", UserDto.From(accounts.Find(body.Name!)!));
    }

    private static IResult Update(string name, UserBody? body, UserAccounts accounts)
    {
        UserRole? role = null;
        if (body?.Role is not null)
        {
            if (!DashboardRoles.TryParse(body.Role, out var parsed))
            {
                return Invalid("role", $"Unknown role '{body.Role}'; use viewer, researcher or admin.");
            }

            role = parsed;
        }

        if (body?.Password is not null && UserAccounts.ValidatePassword(body.Password) is { } passwordError)
        {
            return Invalid("password", passwordError);
        }

        if (accounts.Update(name, role, body?.Password) is { } error)
        {
            return Rejected(name, error, accounts);
        }

        return Results.Ok(UserDto.From(accounts.Find(name)!));
    }

    private static IResult Rejected(string name, string error, UserAccounts accounts) =>
        accounts.Find(name) is null
            ? Results.Problem(error, statusCode: StatusCodes.Status404NotFound, title: "User not found")
            : Results.Problem(error, statusCode: StatusCodes.Status409Conflict, title: "Change rejected");

    private static IResult Invalid(string path, string message) =>
        ApiProblems.Validation([new FieldError(path, message)], "The user request is invalid.");
}

/// <summary>Body of a user creation or change; on a change, absent fields stay as they are.</summary>
public sealed record UserBody(string? Name, string? Role, string? Password);

/// <summary>A user as the HTTP API returns it; the password hash never leaves the server.</summary>
public sealed record UserDto(string Name, string Role, DateTimeOffset CreatedAt)
{
    public static UserDto From(DashboardUser user) => new(user.Name, DashboardRoles.Name(user.Role), user.CreatedAt);
}
