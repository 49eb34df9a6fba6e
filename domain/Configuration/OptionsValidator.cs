using Microsoft.Extensions.Options;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// A validator of one options class that says where each error is. The same checks run when a silo
/// starts (as <see cref="IValidateOptions{TOptions}"/>, each failure "path: message") and when a
/// configuration document is written through the API (as <see cref="OptionError"/>s keyed by field).
/// </summary>
public abstract class OptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    public IReadOnlyList<OptionError> Check(TOptions options)
    {
        var errors = new OptionErrors();
        Check(options, errors);
        return errors.All;
    }

    protected abstract void Check(TOptions options, OptionErrors errors);
}
