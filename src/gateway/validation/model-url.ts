/** The URL a model is known by in `$ref`s: `https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}`. */
export function modelUrl(apiId: string, name: string): string {
  return `https://apigateway.amazonaws.com/restapis/${apiId}/models/${name}`;
}
