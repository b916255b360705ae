namespace Integration.Core;
internal static class Placeholder;
