namespace Integration.Emulators;
internal static class Placeholder;
