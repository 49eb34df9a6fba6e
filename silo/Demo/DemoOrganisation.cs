using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Silo.Demo;

/// <summary>How a demo customer tends to feel; it shapes the events generated for it.</summary>
internal enum Mood
{
    Happy,
    Mixed,
    Troubled,
}

/// <summary>A generated organisation: accounts with their managers, and customers across tiers, segments, regions and products.</summary>
internal sealed class DemoOrganisation
{
    private DemoOrganisation(List<AccountProfile> accounts, List<(CustomerProfile Profile, Mood Mood, string Team)> customers)
    {
        Accounts = accounts;
        Customers = customers;
    }

    public IReadOnlyList<AccountProfile> Accounts { get; }

    public IReadOnlyList<(CustomerProfile Profile, Mood Mood, string Team)> Customers { get; }

    public static DemoOrganisation Generate(DemoOptions options, Random random)
    {
        var accounts = new List<AccountProfile>(options.Accounts);
        var customers = new List<(CustomerProfile, Mood, string)>(options.Accounts * options.CustomersPerAccount);
        for (var a = 0; a < options.Accounts; a++)
        {
            var segment = DemoCatalog.Segments[a % DemoCatalog.Segments.Length];
            var home = DemoCatalog.Regions[a % DemoCatalog.Regions.Length];
            var name = a < DemoCatalog.Companies.Length ? DemoCatalog.Companies[a] : $"{DemoCatalog.Companies[a % DemoCatalog.Companies.Length]} {(a / DemoCatalog.Companies.Length) + 1}";
            var account = new AccountProfile
            {
                Id = $"acct-{a + 1:D3}",
                Name = name,
                AccountManager = DemoCatalog.AccountManagers[a % DemoCatalog.AccountManagers.Length],
                Segment = segment,
                Region = home.Region,
            };
            accounts.Add(account);
            for (var c = 0; c < options.CustomersPerAccount; c++)
            {
                customers.Add(Customer(account, customers.Count + 1, c, random));
            }
        }

        return new DemoOrganisation(accounts, customers);
    }

    private static (CustomerProfile, Mood, string) Customer(AccountProfile account, int number, int index, Random random)
    {
        // Most of an account's customers sit in its home region; some are abroad.
        var region = random.NextDouble() < 0.75 ? DemoCatalog.Regions.First(r => r.Region == account.Region) : DemoCatalog.Regions[random.Next(DemoCatalog.Regions.Length)];
        var city = region.Cities[random.Next(region.Cities.Length)];
        var unit = DemoCatalog.Units[index % DemoCatalog.Units.Length];
        var tier = (Tier)Pick(random, [0.1, 0.25, 0.4, 0.25]);
        var criticality = tier switch
        {
            Tier.Platinum => random.NextDouble() < 0.6 ? Criticality.Critical : Criticality.High,
            Tier.Gold => random.NextDouble() < 0.3 ? Criticality.High : Criticality.Medium,
            _ => random.NextDouble() < 0.5 ? Criticality.Medium : Criticality.Low,
        };
        var revenueBase = tier switch { Tier.Platinum => 900_000, Tier.Gold => 300_000, Tier.Silver => 90_000, _ => 25_000 };
        var products = DemoCatalog.Products.Where(_ => random.NextDouble() < 0.45).DefaultIfEmpty(DemoCatalog.Products[0]).ToArray();
        var profile = new CustomerProfile
        {
            Id = $"cust-{number:D4}",
            AccountId = account.Id,
            Name = $"{account.Name} {unit} {city}",
            Tier = tier,
            Segment = account.Segment ?? "enterprise",
            Region = region.Region,
            Products = products,
            Criticality = criticality,
            Revenue = Math.Round((decimal)(revenueBase * (0.5 + random.NextDouble())), 0),
            Dependencies =
            [
                new Dependency(DependencyType.Process, DemoCatalog.Processes[random.Next(DemoCatalog.Processes.Length)], 4 + random.Next(44), random.Next(0, 40)),
                new Dependency(DependencyType.Site, DemoCatalog.Sites[random.Next(DemoCatalog.Sites.Length)], 8 + random.Next(64)),
                new Dependency(DependencyType.Supplier, DemoCatalog.Suppliers[random.Next(DemoCatalog.Suppliers.Length)], 12 + random.Next(60)),
                new Dependency(DependencyType.JourneyStage, DemoCatalog.Stages[random.Next(DemoCatalog.Stages.Length)], 2 + random.Next(22)),
            ],
            Contacts =
            [
                new Contact($"Operations lead, {city}", "operations", $"ops.{number}@example.com", null, 1),
                new Contact($"Finance contact, {city}", "finance", $"finance.{number}@example.com", null, 2),
            ],
        };
        var mood = (Mood)Pick(random, [0.55, 0.3, 0.15]);
        return (profile, mood, region.Team);
    }

    /// <summary>An index drawn with the given weights.</summary>
    internal static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
