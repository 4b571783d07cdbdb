using ReuseDetect.Cli;

return CliApp.Run(args, Console.Out, Console.Error, ConsoleKind.Detect());
