using ReuseDetect.Pipeline;
using Spectre.Console;
using Cell = Spectre.Console.Text;

namespace ReuseDetect.Cli;

/// <summary>
/// Progress bars for a scan on a terminal (Spectre.Console): files read and signed, candidate pairs, pairs aligned,
/// then clustering and reporting. Reports may come from several threads.
/// </summary>
sealed class ConsoleProgress : IProgress<ScanProgress>
{
    readonly Lock _gate = new();
    readonly ProgressContext _context;
    readonly ProgressTask?[] _tasks = new ProgressTask?[4];

    ConsoleProgress(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="scan"/> while drawing its progress on <paramref name="console"/>.</summary>
    public static T Run<T>(IAnsiConsole console, Func<IProgress<ScanProgress>, T> scan) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var progress = new ConsoleProgress(ctx);
                T result = scan(progress);
                progress.CompleteAll();
                return result;
            });

    public void Report(ScanProgress value)
    {
        int slot = value.Stage switch
        {
            PipelineStage.Ingest or PipelineStage.Sign => 0,
            PipelineStage.Candidates => 1,
            PipelineStage.Align => 2,
            _ => 3,
        };
        lock (_gate)
        {
            for (int i = 0; i < slot; i++) Complete(i);
            ProgressTask task = _tasks[slot] ??= _context.AddTask(Describe(slot), maxValue: 1);
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = Math.Min(value.Done, task.MaxValue);
        }
    }

    void CompleteAll()
    {
        lock (_gate) for (int i = 0; i < _tasks.Length; i++) Complete(i);
    }

    void Complete(int slot)
    {
        ProgressTask task = _tasks[slot] ??= _context.AddTask(Describe(slot), maxValue: 1);
        if (task.IsFinished) return;
        task.Value = task.MaxValue;
        task.StopTask();
    }

    static string Describe(int slot) => slot switch
    {
        0 => "Read and sign files",
        1 => "Near-duplicate candidates",
        2 => "Align passage pairs",
        _ => "Cluster, attribute, report",
    };

    /// <summary>"done/total" for the task.</summary>
    sealed class CountColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Cell(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0}"), new Style(Color.Grey));
    }
}
