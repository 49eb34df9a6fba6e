namespace HealthGrid.Domain.ProcessOwners;

/// <summary>What a complaint theme is counted by: a categorization code in a region for a product.</summary>
public readonly record struct ThemeKey(string Code, string Region, string Product)
{
    public static ThemeKey Parse(string key)
    {
        var parts = ThemeStatistics.Parts(key);
        return new ThemeKey(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => ThemeStatistics.Key(Code, Region, Product);
}
