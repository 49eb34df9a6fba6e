using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Configuration;

public sealed class ConfigurationPutRequestValidator : RequestValidator<ConfigurationPutRequest>
{
    public const int MaxReasonLength = 2_000;

    public ConfigurationPutRequestValidator()
    {
        RuleFor(r => r.Document).Present();
        RuleFor(r => r.Reason).AtMost(MaxReasonLength);
    }
}

public sealed class ConfigurationPreviewRequestValidator : RequestValidator<ConfigurationPreviewRequest>
{
    public ConfigurationPreviewRequestValidator() => RuleFor(r => r.Document).Present();
}

public sealed class ConfigurationRollbackRequestValidator : RequestValidator<ConfigurationRollbackRequest>
{
    public ConfigurationRollbackRequestValidator() => RuleFor(r => r.Reason).AtMost(ConfigurationPutRequestValidator.MaxReasonLength);
}
