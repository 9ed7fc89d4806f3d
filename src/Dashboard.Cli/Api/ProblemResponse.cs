using System.Net;
using System.Text.Json;

namespace Dashboard.Cli.Api;

/// <summary>
/// Turns an unsuccessful HTTP response into a <see cref="CliException"/> with the exit code for its status. Problem
/// details (RFC 9457) supply the message, and a validation problem's <c>errors</c> object becomes one
/// <c>field: message</c> line per message.
/// </summary>
internal static class ProblemResponse
{
    public static CliException ToException(HttpStatusCode status, string body, string request)
    {
        var (title, detail, fieldErrors) = Parse(body);
        string reason = detail ?? title ?? $"{(int)status} {status}";
        int code = (int)status;

        return code switch
        {
            400 or 409 or 413 or 422 => CliException.InvalidInput(
                fieldErrors.Count > 0 ? $"The server rejected the request: {title ?? reason}" : $"The server rejected the request: {reason}",
                fieldErrors),
            401 => new CliException(
                ExitCodes.NotAllowed,
                $"The server rejected {request} with {code} {status}: {reason.TrimEnd('.')}. Pass a valid token with --token or the LABDASH_TOKEN environment variable."),

            // The token is valid here; the user's role or ownership is what the server rejected.
            403 => new CliException(ExitCodes.NotAllowed, $"The server rejected {request} with {code} {status}: {reason}"),
            404 => new CliException(ExitCodes.NotFound, detail ?? $"Not found: {request} returned 404."),
            >= 500 => new CliException(ExitCodes.Unreachable, $"The server failed on {request} with {code} {status}: {reason}"),
            _ => CliException.InvalidInput($"The server returned {code} {status} for {request}: {reason}"),
        };
    }

    private static (string? Title, string? Detail, List<string> FieldErrors) Parse(string body)
    {
        var fieldErrors = new List<string>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, fieldErrors);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, fieldErrors);
            }

            string? title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    AddFieldMessages(field, fieldErrors);
                }
            }

            return (title, detail, fieldErrors);
        }
        catch (JsonException)
        {
            // The body is not problem details (for example a proxy's HTML page), so the message uses the status line alone.
            return (null, null, fieldErrors);
        }
    }

    private static void AddFieldMessages(JsonProperty field, List<string> lines)
    {
        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            lines.Add($"{field.Name}: {field.Value}");
            return;
        }

        foreach (var message in field.Value.EnumerateArray())
        {
            lines.Add($"{field.Name}: {(message.ValueKind == JsonValueKind.String ? message.GetString() : message.ToString())}");
        }
    }
}
