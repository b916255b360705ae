namespace Integration.Core.SharePoint.Provisioning;

/// <summary>The configuration names nothing that can be provisioned, or no site: the message names the setting.</summary>
public sealed class ProvisioningConfigurationException(string message) : Exception(message);
