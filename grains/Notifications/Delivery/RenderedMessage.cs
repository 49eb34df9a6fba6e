namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>A message ready for a channel: its texts from the templates, and each notification it carries with its links.</summary>
public sealed record RenderedMessage(string MessageId, string Subject, string Text, string Html, IReadOnlyList<RenderedItem> Items)
{
    public bool IsDigest => Items.Count > 1;
}

/// <summary>One notification of a message: its record, its own texts and links.</summary>
public sealed record RenderedItem(Domain.Notifications.NotificationRecord Record, string Subject, string Text, ActionLinks Links);
