using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Calendars;
using SkillHub.Functions.Comments;
using SkillHub.Functions.Health;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Statistics;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;
using YamlDotNet.RepresentationModel;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// The document against the code of the functions: every body read has a request schema naming
/// exactly the properties its record accepts, every JSON answer has a schema naming exactly the
/// properties its record writes, every query parameter read is documented with a typed schema,
/// and the errors that reading a body, a query or If-Match can raise are listed.
/// </summary>
public sealed class OpenApiCompletenessTests
{
    /// <summary>What each function answers with a 2xx, as the JSON serializer writes it; null for no body.</summary>
    private static readonly Dictionary<string, Type?> SuccessBodies = new(StringComparer.Ordinal)
    {
        ["Register"] = typeof(UserResponse),
        ["Login"] = typeof(TokenResponse),
        ["Refresh"] = typeof(TokenResponse),
        ["Logout"] = null,
        ["ChangePassword"] = null,
        ["RequestPasswordReset"] = null,
        ["ConfirmPasswordReset"] = null,
        ["GetMyNotifications"] = typeof(NotificationPreferencesResponse),
        ["UpdateMyNotifications"] = typeof(NotificationPreferencesResponse),
        ["ListNotifications"] = typeof(PageResponse<NotificationResponse>),
        ["RetryNotification"] = null,
        ["GetMe"] = typeof(UserResponse),
        ["ExportMe"] = typeof(PersonalDataExport),
        ["EraseMe"] = null,
        ["ListUsers"] = typeof(PageResponse<UserResponse>),
        ["CreateUser"] = typeof(UserResponse),
        ["UpdateUser"] = typeof(UserResponse),
        ["ListWorkshops"] = typeof(PageResponse<WorkshopResponse>),
        ["CreateWorkshop"] = typeof(WorkshopResponse),
        ["GetWorkshop"] = typeof(WorkshopResponse),
        ["UpdateWorkshop"] = typeof(WorkshopResponse),
        ["DeleteWorkshop"] = null,
        ["PublishWorkshop"] = typeof(WorkshopResponse),
        ["CancelWorkshop"] = typeof(WorkshopResponse),
        ["RegisterToWorkshop"] = typeof(RegistrationResponse),
        ["ListWorkshopRegistrations"] = typeof(WorkshopRegistrationsResponse),
        ["CancelMyRegistration"] = typeof(RegistrationResponse),
        ["CancelRegistration"] = typeof(RegistrationResponse),
        ["WorkshopHistory"] = typeof(PageResponse<RegistrationEventResponse>),
        ["ListMyRegistrations"] = typeof(PageResponse<MyRegistrationItem>),
        ["GetMyAttendance"] = typeof(MyAttendanceResponse),
        ["GetTrainerStats"] = typeof(TrainerStatsResponse),
        ["ListComments"] = typeof(PageResponse<CommentResponse>),
        ["CreateComment"] = typeof(CommentResponse),
        ["UpdateComment"] = typeof(CommentResponse),
        ["DeleteComment"] = null,
        ["MarkAttendance"] = typeof(AttendanceMarkingResponse),
        ["GetCheckInCode"] = typeof(CheckInCodeResponse),
        ["CheckIn"] = typeof(RegistrationResponse),
        ["AttendanceSheet"] = null,
        ["ListActivity"] = typeof(PageResponse<ActivityEntry>),
        ["CreateBackup"] = typeof(BackupSet),
        ["ListBackups"] = typeof(PageResponse<BackupSet>),
        ["GetBackup"] = typeof(BackupSet),
        ["Health"] = typeof(HealthResponse),
        ["OpenApi"] = null,
        ["ApiDocs"] = null,
        ["ApiDocsAsset"] = null,
        ["WorkshopCalendar"] = null,
        ["CreateCalendarFeed"] = typeof(CalendarFeedResponse),
        ["DeleteCalendarFeed"] = null,
        ["CalendarFeed"] = null,
    };

    /// <summary>Functions that reach no database, so never answer 503: they read files only.</summary>
    private static readonly HashSet<string> WithoutDatabase = new(StringComparer.Ordinal) { "OpenApi", "ApiDocs", "ApiDocsAsset", "ListBackups", "GetBackup" };

    [Fact]
    public void EverySuccessResponse_WithABody_HasASchema_AndEveryNoContentResponse_HasNone()
    {
        var wrong = new List<string>();
        foreach (var (operation, status, response) in SuccessResponses())
        {
            var content = Child(response, "content") as YamlMappingNode;
            // 204, and the 202s that accept a request and answer nothing (a reset asked for, a retry queued).
            if (status == "204" || (status == "202" && content is null))
            {
                if (content is not null)
                {
                    wrong.Add($"{operation} 204 documents content");
                }

                continue;
            }

            if (content is null || content.Children.Count == 0)
            {
                wrong.Add($"{operation} {status} documents no content");
                continue;
            }

            foreach (var (mediaType, media) in content.Children)
            {
                var type = ((YamlScalarNode)mediaType).Value!;
                if (Child((YamlMappingNode)media, "schema") is not YamlMappingNode schema)
                {
                    wrong.Add($"{operation} {status} {type} has no schema");
                }
                else if (type.EndsWith("json", StringComparison.Ordinal) && SchemaName(schema) is null)
                {
                    wrong.Add($"{operation} {status} {type} does not refer to a components schema");
                }
            }
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EveryCreatedResponse_DocumentsLocation_AndEveryAnswerCarryingAWorkshop_DocumentsItsETag()
    {
        var wrong = new List<string>();
        foreach (var (operation, status, response) in SuccessResponses())
        {
            var headers = Child(response, "headers") as YamlMappingNode;
            var schema = Child(response, "content") is YamlMappingNode content && Child(content, "application/json") is YamlMappingNode json
                ? SchemaName((YamlMappingNode)Child(json, "schema")!)
                : null;
            if (status == "201" && (headers is null || Child(headers, "Location") is null))
            {
                wrong.Add($"{operation} 201 without a Location header");
            }

            if (schema == "Workshop" && (headers is null || Child(headers, "ETag") is null))
            {
                wrong.Add($"{operation} {status} answers a workshop without its ETag");
            }
        }

        AssertNone(wrong, "Response headers missing from openapi.yaml:");
    }

    [Fact]
    public void EveryFunctionThatReadsAJsonBody_DocumentsItsRecordAsTheRequestSchema_AndNoOtherOperationHasABody()
    {
        var wrong = new List<string>();
        foreach (var (operation, function) in ServedOperations())
        {
            var read = FunctionSource.BodyType(function);
            var documented = operation.RequestSchemaName;
            if (read != documented)
            {
                wrong.Add($"{operation}: the function reads {read ?? "no body"}, the document describes {(operation.RequestBody is null ? "no body" : documented ?? "a body without a components schema")}");
            }
            else if (read is not null && ScalarOrNull(operation.RequestBody!, "required") != "true")
            {
                wrong.Add($"{operation}: the body is read but the requestBody is not required");
            }
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
        Assert.Contains(Operations(), o => o.RequestSchemaName is not null);
    }

    [Fact]
    public void EveryRequestSchema_NamesExactlyThePropertiesItsRecordAccepts_WithTheirTypes()
    {
        var wrong = new List<string>();
        foreach (var operation in Operations().Where(o => o.RequestSchemaName is not null))
        {
            var name = operation.RequestSchemaName!;
            var type = AppType(name);
            if (type is null)
            {
                wrong.Add($"{operation}: no record {name} in the app");
                continue;
            }

            var schema = Schema(name);
            CompareShapes(schema, type, name, wrong);
            var properties = Child(schema, "properties") as YamlMappingNode;
            wrong.AddRange(Strings(schema, "required")
                .Where(required => properties is null || Child(properties, required) is null)
                .Select(required => $"{name}.{required} is required but not a property"));
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EverySuccessSchema_NamesExactlyThePropertiesTheFunctionAnswers_WithTheirTypes()
    {
        var wrong = new List<string>();
        var functions = FunctionsByKey();
        var unmapped = functions.Values.Select(f => f.Name).Where(name => !SuccessBodies.ContainsKey(name)).ToList();
        Assert.True(unmapped.Count == 0, "Say in SuccessBodies what these functions answer: " + Describe(unmapped));

        foreach (var (operation, function) in ServedOperations())
        {
            var answered = SuccessBodies[function.Name];
            var json = operation.Responses
                .Where(r => r.Key[0] == '2')
                .Select(r => (Status: r.Key, Media: Child(r.Value, "content") is YamlMappingNode content ? Child(content, "application/json") as YamlMappingNode : null))
                .ToList();
            if (answered is null)
            {
                wrong.AddRange(json.Where(j => j.Media is not null).Select(j => $"{operation} {j.Status}: documents a JSON body, the function answers none"));
                continue;
            }

            if (json.All(j => j.Media is null))
            {
                wrong.Add($"{operation}: the function answers {answered.Name}, no 2xx documents JSON");
            }

            foreach (var (status, media) in json.Where(j => j.Media is not null))
            {
                CompareShapes((YamlMappingNode)Child(media!, "schema")!, answered, $"{operation} {status}", wrong);
            }
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EveryQueryParameterTheCodeReads_IsDocumented_AndNoOther()
    {
        var wrong = new List<string>();
        foreach (var (operation, function) in ServedOperations())
        {
            var read = FunctionSource.QueryParameters(function);
            var documented = operation.ParametersIn("query").Select(p => Scalar(p, "name")).ToHashSet(StringComparer.Ordinal);
            wrong.AddRange(read.Except(documented).Select(name => $"{operation}: reads ?{name}, which is not documented"));
            wrong.AddRange(documented.Except(read).Select(name => $"{operation}: documents ?{name}, which the function does not read"));
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EveryParameter_HasATypedSchema_WithItsLimits()
    {
        var wrong = new List<string>();
        foreach (var operation in Operations())
        {
            foreach (var parameter in operation.Parameters)
            {
                var name = $"{operation} {ScalarOrNull(parameter, "in")} {ScalarOrNull(parameter, "name")}";
                if (Child(parameter, "schema") is not YamlMappingNode raw)
                {
                    wrong.Add($"{name}: no schema");
                    continue;
                }

                var schema = Follow(raw);
                switch (ScalarOrNull(schema, "type"))
                {
                    case "integer" when ScalarOrNull(schema, "minimum") is null || ScalarOrNull(schema, "maximum") is null:
                        wrong.Add($"{name}: an integer without minimum and maximum");
                        break;
                    case "string" when ScalarOrNull(schema, "format") is null && ScalarOrNull(schema, "maxLength") is null
                        && ScalarOrNull(schema, "pattern") is null && Strings(schema, "enum").Count == 0
                        && ScalarOrNull(parameter, "in") != "header":
                        wrong.Add($"{name}: a string without format, enum, pattern or maxLength");
                        break;
                    case null:
                        wrong.Add($"{name}: a schema without a type");
                        break;
                }
            }
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EveryOperationThatReadsABody_DocumentsTheErrorsOfReadingIt()
    {
        var missing = Operations()
            .Where(o => o.RequestBody is not null)
            .SelectMany(o => new[] { "400", "413", "415", "422" }.Where(code => !o.Responses.ContainsKey(code)).Select(code => $"{o} {code}"))
            .ToList();
        Assert.True(missing.Count == 0, "Undocumented body errors: " + Describe(missing));
    }

    [Fact]
    public void EveryOperationWithQueryParameters_Documents400()
    {
        var missing = Operations().Where(o => o.ParametersIn("query").Count > 0 && !o.Responses.ContainsKey("400")).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "Query parameters without a documented 400: " + Describe(missing));
    }

    [Fact]
    public void EveryFunctionThatReadsIfMatch_DocumentsTheRequiredHeader_With412And428()
    {
        var wrong = new List<string>();
        foreach (var (operation, function) in ServedOperations())
        {
            var reads = FunctionSource.ReadsIfMatch(function);
            var header = operation.ParametersIn("header").SingleOrDefault(p => ScalarOrNull(p, "name") == "If-Match");
            if (reads != header is not null)
            {
                wrong.Add($"{operation}: reads If-Match {reads}, documents it {header is not null}");
            }

            if (reads && (ScalarOrNull(header!, "required") != "true" || !operation.Responses.ContainsKey("412") || !operation.Responses.ContainsKey("428")))
            {
                wrong.Add($"{operation}: If-Match must be required, with 412 and 428 documented");
            }
        }

        AssertNone(wrong, "openapi.yaml disagrees with the functions' code:");
    }

    [Fact]
    public void EveryOperationThatReachesADatabase_Documents503()
    {
        var functions = FunctionsByKey();
        var missing = Operations()
            .Where(o => functions.TryGetValue(o.Key, out var f) && !WithoutDatabase.Contains(f.Name) && !o.Responses.ContainsKey("503"))
            .Select(o => o.Key)
            .ToList();
        Assert.True(missing.Count == 0, "No 503 documented for: " + Describe(missing));
    }

    /// <summary>Each documented limit, next to the constant the validator enforces.</summary>
    [Theory]
    [InlineData("RegisterRequest", "email", "maxLength", UserRules.MaxEmailLength)]
    [InlineData("RegisterRequest", "password", "minLength", PasswordPolicy.MinLength)]
    [InlineData("RegisterRequest", "password", "maxLength", PasswordPolicy.MaxLength)]
    [InlineData("RegisterRequest", "displayName", "maxLength", UserRules.MaxDisplayNameLength)]
    [InlineData("CreateUserRequest", "email", "maxLength", UserRules.MaxEmailLength)]
    [InlineData("CreateUserRequest", "password", "minLength", PasswordPolicy.MinLength)]
    [InlineData("CreateUserRequest", "password", "maxLength", PasswordPolicy.MaxLength)]
    [InlineData("CreateUserRequest", "displayName", "maxLength", UserRules.MaxDisplayNameLength)]
    [InlineData("UpdateUserRequest", "displayName", "maxLength", UserRules.MaxDisplayNameLength)]
    [InlineData("LoginRequest", "email", "maxLength", UserRules.MaxEmailLength)]
    [InlineData("LoginRequest", "password", "maxLength", PasswordPolicy.MaxLength)]
    [InlineData("CreateWorkshopRequest", "title", "minLength", WorkshopRules.MinTitle)]
    [InlineData("CreateWorkshopRequest", "title", "maxLength", WorkshopRules.MaxTitle)]
    [InlineData("CreateWorkshopRequest", "description", "maxLength", WorkshopRules.MaxDescription)]
    [InlineData("CreateWorkshopRequest", "location", "maxLength", WorkshopRules.MaxLocation)]
    [InlineData("CreateWorkshopRequest", "capacity", "minimum", WorkshopRules.MinCapacity)]
    [InlineData("CreateWorkshopRequest", "capacity", "maximum", WorkshopRules.MaxCapacity)]
    [InlineData("UpdateWorkshopRequest", "title", "minLength", WorkshopRules.MinTitle)]
    [InlineData("UpdateWorkshopRequest", "title", "maxLength", WorkshopRules.MaxTitle)]
    [InlineData("UpdateWorkshopRequest", "description", "maxLength", WorkshopRules.MaxDescription)]
    [InlineData("UpdateWorkshopRequest", "location", "maxLength", WorkshopRules.MaxLocation)]
    [InlineData("UpdateWorkshopRequest", "capacity", "minimum", WorkshopRules.MinCapacity)]
    [InlineData("UpdateWorkshopRequest", "capacity", "maximum", WorkshopRules.MaxCapacity)]
    [InlineData("CancelWorkshopRequest", "reason", "maxLength", WorkshopRules.MaxCancelReason)]
    [InlineData("CreateCommentRequest", "body", "maxLength", CommentRules.MaxBody)]
    [InlineData("CreateCommentRequest", "rating", "minimum", CommentRules.MinRating)]
    [InlineData("CreateCommentRequest", "rating", "maximum", CommentRules.MaxRating)]
    [InlineData("UpdateCommentRequest", "body", "maxLength", CommentRules.MaxBody)]
    [InlineData("UpdateCommentRequest", "rating", "minimum", CommentRules.MinRating)]
    [InlineData("UpdateCommentRequest", "rating", "maximum", CommentRules.MaxRating)]
    public void TheDocumentedLimit_IsTheOneTheValidatorEnforces(string schemaName, string property, string keyword, int limit)
    {
        var schema = Follow(Mapping(Mapping(Schema(schemaName), "properties"), property));
        Assert.Equal(limit.ToString(CultureInfo.InvariantCulture), ScalarOrNull(schema, keyword));
    }

    [Theory]
    [InlineData("page", "maximum", 1_000_000)]
    [InlineData("pageSize", "maximum", PageRequest.MaxPageSize)]
    [InlineData("pageSize", "default", PageRequest.DefaultPageSize)]
    public void ThePagingLimits_AreTheOnesTheQueryReaderEnforces(string parameter, string keyword, int limit)
    {
        var schema = Mapping(Mapping(Mapping(Mapping(Root, "components"), "parameters"), char.ToUpperInvariant(parameter[0]) + parameter[1..]), "schema");
        Assert.Equal(limit.ToString(CultureInfo.InvariantCulture), ScalarOrNull(schema, keyword));
    }

    [Theory]
    [InlineData("ListActivity", "action", ActivityEntry.MaxActionLength)]
    [InlineData("ListActivity", "targetId", ActivityEntry.MaxTargetIdLength)]
    [InlineData("ListWorkshops", "q", 100)]
    public void TheDocumentedQueryLengths_AreTheOnesTheFunctionsEnforce(string operationId, string parameter, int maxLength)
    {
        var operation = Assert.Single(Operations(), o => o.OperationId == operationId);
        var schema = Mapping(Assert.Single(operation.ParametersIn("query"), p => Scalar(p, "name") == parameter), "schema");
        Assert.Equal(maxLength.ToString(CultureInfo.InvariantCulture), ScalarOrNull(schema, "maxLength"));
    }

    private static IEnumerable<(ApiOperation Operation, string Status, YamlMappingNode Response)> SuccessResponses() =>
        Operations().SelectMany(o => o.Responses.Where(r => r.Key[0] == '2').Select(r => (o, r.Key, r.Value)));

    private static Type? AppType(string name) =>
        typeof(JsonBody).Assembly.GetTypes().SingleOrDefault(t => t.Name == name && t.IsPublic);

    /// <summary>
    /// Walks a schema and a .NET type together, as the app's JSON options serialize it: the same
    /// property names on each object (both ways), arrays of the same shape, and compatible scalars.
    /// </summary>
    private static void CompareShapes(YamlMappingNode schema, Type type, string at, List<string> wrong)
    {
        schema = Follow(schema);
        if (Child(schema, "allOf") is YamlSequenceNode parts)
        {
            foreach (var part in parts.Children)
            {
                CompareShapes((YamlMappingNode)part, type, at, wrong);
            }

            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var schemaType = ScalarOrNull(schema, "type");
        var info = JsonDefaults.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (schemaType != "object")
                {
                    wrong.Add($"{at}: {type.Name} is an object, documented as {schemaType}");
                    return;
                }

                var documented = Child(schema, "properties") as YamlMappingNode;
                var names = documented?.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal) ?? [];
                var actual = info.Properties.ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal);
                wrong.AddRange(actual.Keys.Except(names).Select(n => $"{at}.{n}: in {type.Name}, not documented"));
                wrong.AddRange(names.Except(actual.Keys).Select(n => $"{at}.{n}: documented, not in {type.Name}"));
                foreach (var (name, propertyType) in actual.Where(p => names.Contains(p.Key)))
                {
                    CompareShapes((YamlMappingNode)Child(documented!, name)!, propertyType, $"{at}.{name}", wrong);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                if (schemaType != "array" || Child(schema, "items") is not YamlMappingNode items)
                {
                    wrong.Add($"{at}: {type.Name} is an array, documented as {schemaType}");
                    return;
                }

                CompareShapes(items, info.ElementType!, $"{at}[]", wrong);
                break;
            case JsonTypeInfoKind.Dictionary:
                if (schemaType != "object")
                {
                    wrong.Add($"{at}: {type.Name} is a map, documented as {schemaType}");
                    return;
                }

                // A map is documented by the schema of its values, or by the keys it always holds.
                var values = Child(schema, "additionalProperties") is YamlMappingNode additional
                    ? [additional]
                    : (Child(schema, "properties") as YamlMappingNode)?.Children.Values.Cast<YamlMappingNode>().ToList() ?? [];
                if (values.Count == 0)
                {
                    wrong.Add($"{at}: a map documented without additionalProperties or properties");
                }

                foreach (var value in values)
                {
                    CompareShapes(value, info.ElementType!, $"{at}{{}}", wrong);
                }

                break;
            default:
                var expected = ScalarSchema(type);
                var format = ScalarOrNull(schema, "format");
                if (expected.Type != schemaType || (expected.Format is not null && expected.Format != format))
                {
                    wrong.Add($"{at}: {type.Name} is written as {expected.Type}{(expected.Format is null ? string.Empty : "/" + expected.Format)}, documented as {schemaType}{(format is null ? string.Empty : "/" + format)}");
                }

                break;
        }
    }

    private static (string Type, string? Format) ScalarSchema(Type type) => type switch
    {
        _ when type == typeof(string) => ("string", null),
        _ when type == typeof(Guid) => ("string", "uuid"),
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ("string", "date-time"),
        _ when type == typeof(int) || type == typeof(long) => ("integer", null),
        _ when type == typeof(double) => ("number", "double"),
        _ when type == typeof(bool) => ("boolean", null),
        _ => ($"(unexpected {type.Name})", null),
    };
}
