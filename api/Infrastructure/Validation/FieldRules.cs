using FluentValidation;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure.Validation;

/// <summary>The field rules every request body shares, with the messages the API has always given.</summary>
public static class FieldRules
{
    public const string Required = "is required";

    /// <summary>A client-chosen id (customer, account, event, ticket, conversation): they become keys, groups and URLs.</summary>
    public static IRuleBuilderOptions<T, string?> Identifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage(Required).OptionalIdentifier();

    /// <summary>An id that may be absent; present, it follows the id rule (teams and assignees become alert audiences).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalIdentifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Identifiers.MaxLength).WithMessage($"must be at most {Identifiers.MaxLength} characters")
            .Must(id => id is null || Identifiers.IsValid(id)).WithMessage(Identifiers.Rule);

    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).WithMessage($"must be at most {max} characters");

    /// <summary>A limit read from configuration when the value is checked, not when the validator was built.</summary>
    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, Func<int> max) =>
        rule.Must(text => text is null || text.Length <= max()).WithMessage(_ => $"must be at most {max()} characters");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().WithMessage(Required).AtMost(max);

    public static IRuleBuilderOptions<T, TValue?> Present<T, TValue>(this IRuleBuilder<T, TValue?> rule) =>
        rule.NotNull().WithMessage(Required);

    /// <summary>An enum field that must be given, by a known name (that <paramref name="accepted"/> lets through, when given).</summary>
    public static IRuleBuilderOptions<T, Named<TEnum>> Known<T, TEnum>(this IRuleBuilder<T, Named<TEnum>> rule, Func<TEnum, bool>? accepted = null, string? allowed = null)
        where TEnum : struct, Enum =>
        rule.Must(n => !n.IsAbsent).WithMessage($"is required; one of: {allowed ?? EnumNames<TEnum>.Allowed}").KnownOrAbsent(accepted, allowed);

    /// <summary>An enum field that may be absent; given, it must be a known name.</summary>
    public static IRuleBuilderOptions<T, Named<TEnum>> KnownOrAbsent<T, TEnum>(this IRuleBuilder<T, Named<TEnum>> rule, Func<TEnum, bool>? accepted = null, string? allowed = null)
        where TEnum : struct, Enum =>
        rule.Must(n => n.IsAbsent || (n.Value is { } v && (accepted is null || accepted(v))))
            .WithMessage((_, n) => $"'{Name(n)}' is not one of: {allowed ?? EnumNames<TEnum>.Allowed}");

    public static IRuleBuilderOptions<T, double?> Between<T>(this IRuleBuilder<T, double?> rule, double min, double max) =>
        rule.Must(v => v is not { } x || (!double.IsNaN(x) && x >= min && x <= max)).WithMessage($"must be between {min} and {max}");

    public static IRuleBuilderOptions<T, int?> Between<T>(this IRuleBuilder<T, int?> rule, int min, int max) =>
        rule.Must(v => v is not { } x || (x >= min && x <= max)).WithMessage($"must be between {min} and {max}");

    private static string Name<TEnum>(Named<TEnum> named)
        where TEnum : struct, Enum => named.Unknown ?? (named.Value is { } v ? EnumNames<TEnum>.Name(v) : "");
}
