// Starts Swagger UI on the document this app serves. A file of its own, not inline, so that the page's
// Content-Security-Policy can forbid inline scripts; every address is relative to /api/docs.
window.ui = SwaggerUIBundle({
  url: 'openapi.yaml',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  // The token given in « Authorize » outlives a reload (kept in this browser's localStorage).
  persistAuthorization: true,
  displayOperationId: true,
  deepLinking: true,
  // No badge fetched from validator.swagger.io, and no ?url= that would load another document.
  validatorUrl: null,
  queryConfigEnabled: false,
});
