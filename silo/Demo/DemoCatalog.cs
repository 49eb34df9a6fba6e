namespace HealthGrid.Silo.Demo;

/// <summary>The fixed vocabulary of the demo organisation: companies, people, places, and what customers say.</summary>
internal static class DemoCatalog
{
    public static readonly string[] Companies =
    [
        "Northwind Logistics", "Contoso Health", "Fabrikam Foods", "Tailspin Airlines", "Adatum Insurance", "Litware Retail",
        "Proseware Energy", "Wingtip Telecom", "Woodgrove Bank", "Alpine Ski House", "Blue Yonder Freight", "Coho Vineyards",
        "Fourth Coffee", "Graphic Design Institute", "Humongous Pharma", "Lucerne Publishing", "Margie's Travel", "Northridge Utilities",
        "Relecloud Media", "Southridge Video", "Trey Research", "VanArsdel Manufacturing", "Wide World Importers", "Datum Robotics",
    ];

    public static readonly string[] AccountManagers = ["am-avery", "am-blake", "am-casey", "am-drew", "am-emery", "am-finley"];

    public static readonly string[] Segments = ["enterprise", "mid-market", "smb", "public-sector"];

    public static readonly (string Region, string Team, string[] Cities)[] Regions =
    [
        ("EU", "team-emea", ["Amsterdam", "Berlin", "Dublin", "Lyon", "Milan", "Warsaw"]),
        ("NA", "team-amer", ["Dallas", "Toronto", "Chicago", "Denver", "Atlanta", "Seattle"]),
        ("APAC", "team-apac", ["Singapore", "Sydney", "Osaka", "Pune", "Auckland", "Seoul"]),
        ("LATAM", "team-amer", ["São Paulo", "Bogotá", "Santiago", "Lima", "Monterrey", "Quito"]),
    ];

    /// <summary>The agents of each support team: the assignees of demo tickets.</summary>
    public static readonly Dictionary<string, string[]> Agents = new(StringComparer.Ordinal)
    {
        ["team-emea"] = ["ana.silva", "jonas.berg", "marta.nowak"],
        ["team-amer"] = ["sam.carter", "lucia.gomez", "dev.patel"],
        ["team-apac"] = ["mei.tan", "kenji.sato", "priya.rao"],
    };

    public static readonly string[] TicketCategories = ["general", "billing", "delivery", "access", "BILL-WRONG", "DLV-LATE"];

    public static readonly string[] Units = ["Operations", "Finance", "Distribution", "Customer Care", "Procurement", "Field Service", "Retail", "Digital"];

    public static readonly string[] Products = ["billing-suite", "payments", "analytics", "logistics", "support-desk"];

    public static readonly string[] Processes = ["billing", "fulfilment", "customer-support", "onboarding", "renewals"];

    public static readonly string[] Sites = ["site-ams-dc", "site-dal-dc", "site-sin-dc", "site-sao-hub"];

    public static readonly string[] Suppliers = ["sup-cloudhost", "sup-carrier-express", "sup-payment-gateway"];

    public static readonly string[] Stages = ["onboarding", "delivery", "billing", "support", "renewal"];

    public static readonly string[] ComplaintCodes = ["BILL-DUP", "BILL-WRONG", "DLV-LATE", "DLV-DAMAGED", "SUP-NORESP", "SUP-REPEAT", "PRD-BUG", "ONB-SLOW"];

    public static readonly string[] HappyMessages =
    [
        "Thanks, that fixed it perfectly.", "Great support today, really quick answer!", "The new dashboard is excellent, the team loves it.",
        "Appreciate the help, everything works now.", "Smooth onboarding so far, thank you.",
    ];

    public static readonly string[] NeutralMessages =
    [
        "Can you send me a copy of last month's invoice?", "When is the next maintenance window?", "Please update our billing address.",
        "I'd like to add two more users to our plan.", "What is the status of ticket 4471?",
    ];

    public static readonly string[] UnhappyMessages =
    [
        "The delivery arrived two days late and the box was damaged.", "We were charged twice this month.",
        "The export has been slow all week.", "I'm not happy with how long this is taking.",
    ];

    public static readonly string[] FrustratedMessages =
    [
        "This is the third time I'm calling about the same invoice!!!", "I want to speak to a manager right now.",
        "If this isn't fixed today we will cancel our contract.", "STILL NOT WORKING. Nobody has got back to me.",
        "I'm fed up, we are looking at alternatives.", "How many times do I have to explain this? Ridiculous.",
    ];

    public static readonly string[] SocialPosts =
    [
        "Shout-out to the support team, sorted in minutes!", "Another outage today, really disappointing.",
        "Anyone else seeing duplicate charges from them?", "Loving the new analytics features.",
    ];

    public static readonly string[] ChangeDescriptions =
    [
        "Billing engine 4.2 released", "Invoice template configuration updated", "Carrier integration switched to v2 API",
        "Support routing rules changed", "Analytics query cache enabled",
    ];
}
