using ReuseDetect.Testbed;

return TestbedCli.Run(args, Console.Out, Console.Error);
