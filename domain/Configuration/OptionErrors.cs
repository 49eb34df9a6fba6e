namespace HealthGrid.Domain.Configuration;

/// <summary>The errors a validator finds, collected in the order they were found.</summary>
public sealed class OptionErrors
{
    private readonly List<OptionError> errors = [];

    public int Count => errors.Count;

    public IReadOnlyList<OptionError> All => errors;

    public void Add(string path, string message) => errors.Add(new OptionError(path, message));

    /// <summary>Every entry of <paramref name="ids"/> that appears more than once, at the path of its second appearance.</summary>
    public void Unique(string list, IEnumerable<string> ids, string field = "id")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                Add($"{list}[{index}].{field}", $"'{id}' appears more than once.");
            }

            index++;
        }
    }
}
