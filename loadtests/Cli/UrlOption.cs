using System.CommandLine;

namespace HealthGrid.LoadTests.Cli;

/// <summary>The <c>--url</c> option: System.CommandLine has no built-in parser for <see cref="Uri"/>.</summary>
public static class UrlOption
{
    public static Option<Uri> Create() => new("--url")
    {
        Description = "The HealthGrid server to load (its base URL).",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--url must be an absolute http(s) URL, not '{text}'.");
            return null;
        },
    };
}
