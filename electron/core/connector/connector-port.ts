/** The connector's port unless told otherwise (the extension's default too). Apart, so main can read it without the server. */
export const DEFAULT_CONNECTOR_PORT = 47811;
