using CapiKit.Cli;

return CapiCli.Run(args, Console.In, Console.Out, Console.Error);
