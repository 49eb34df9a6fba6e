using System.Text;

namespace HealthGrid.Domain.Alerts;

/// <summary>
/// Deterministic alert ids built from what the alert is about, so that replaying the same events
/// produces the same alert (an update, not a duplicate). Parts are joined with '.' and reduced to
/// the characters ids may contain.
/// </summary>
public static class AlertIds
{
    public static string Of(params object[] parts)
    {
        var id = new StringBuilder(64);
        foreach (var part in parts)
        {
            if (id.Length > 0)
            {
                id.Append('.');
            }

            foreach (var c in part.ToString() ?? "")
            {
                id.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '@' ? char.ToLowerInvariant(c) : '-');
            }
        }

        return id.ToString();
    }
}
