using FluentValidation;
using FluentValidation.Results;

namespace HealthGrid.Api.Infrastructure.Validation;

/// <summary>
/// A FluentValidation validator of a request body that names each field it does not know, at its path
/// ("occuredAt", "survey.stars"), next to whatever the body's own rules find.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
    where T : IUnknownFields
{
    private const string UnknownProperty = "unknown";

    protected RequestValidator() => RuleFor(r => r.Unknown).Custom((unknown, context) =>
    {
        if (unknown is null)
        {
            return;
        }

        var path = context.PropertyPath;
        var prefix = path.EndsWith(UnknownProperty, StringComparison.Ordinal) ? path[..^UnknownProperty.Length] : "";
        foreach (var name in unknown.Keys)
        {
            context.AddFailure(new ValidationFailure(prefix + name, "is not a known field"));
        }
    });
}
