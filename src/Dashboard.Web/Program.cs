var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
var app = builder.Build();
app.MapStaticAssets();
app.MapGet("/", () => "Hello World!");
app.Run();
