/**
 * The model server's route table: the Open Inference Protocol (KServe v2), raw-record `/predict`,
 * Prometheus `/metrics` and the fault admin, one small handler a route.
 *
 *   GET  /v2/health/live, /v2/health/ready, /v2, /v2/models/{name}[/versions/{v}][/ready]
 *   POST /v2/models/{name}[/versions/{v}]/infer     tensors in the model's layout
 *   POST /v2/repository/index                       the models served (Triton's repository API)
 *   POST /predict                                   raw record(s) or numbers in input order
 *   GET  /metrics                                   Prometheus text format
 *   GET|PUT|DELETE /admin/faults                    loopback peers only
 */
import { predictAnswers } from '../../common/serving/answers';
import { inferResponse, modelMetadata, parseInfer, type InferRequest } from '../../common/serving/openInference';
import { parsePredict, type PredictRequest } from '../../common/serving/predictRequest';
import type { ServedModel } from '../../common/serving/servedModel';
import { faultRoutes } from './faultRoutes';
import { sendJson } from './http/httpMessages';
import type { Exchange, Handler, Method, Route } from './http/routeTable';
import { inferenceRoute, type InferenceEndpoint, type InferencePath } from './inferenceRoute';

/** The routes of a server serving `model`, and its answer to a path it has no route for. */
export function modelServerRoutes(model: ServedModel, path: InferencePath): { readonly routes: Route[]; readonly notFound: Handler } {
  const { state } = path;
  const get = (route: string, handle: Handler): Route => ({ method: 'GET', path: route, handle });
  return {
    routes: [
      { method: 'POST', path: '/predict', handle: inferenceRoute(path, predictEndpoint(model)) },
      ...modelPaths('POST', '/infer', model, inferenceRoute(path, inferEndpoint(model))),
      get('/v2/health/live', ({ response }) => sendJson(response, 200, { live: true })),
      get('/v2/health/ready', ({ response }) => sendJson(response, state.accepting ? 200 : 503, { ready: state.accepting })),
      get('/v2', ({ response }) => sendJson(response, 200, { name: 'rehearsal-model-server', version: '1', extensions: [] })),
      ...modelPaths('GET', '', model, ({ response }) => sendJson(response, 200, modelMetadata(model))),
      ...modelPaths('GET', '/ready', model, ({ response }) => sendJson(response, state.accepting ? 200 : 503, { name: model.name, ready: state.accepting })),
      {
        // Triton's model repository index: how a load generator finds the model name without being told.
        method: 'POST',
        path: '/v2/repository/index',
        handle: ({ response }) => sendJson(response, 200, [{ name: model.name, version: model.version, state: state.accepting ? 'READY' : 'UNAVAILABLE' }]),
      },
      get('/metrics', async ({ response }) => {
        const text = await path.metrics.registry.metrics();
        response.writeHead(200, { 'content-type': path.metrics.registry.contentType, 'content-length': Buffer.byteLength(text) });
        response.end(text);
      }),
      ...faultRoutes(path.faults),
    ],
    notFound: ({ response, method, path: asked }) =>
      sendJson(response, 404, {
        error: `no route for ${method} ${asked}; expected POST /predict, POST /v2/models/${model.name}/infer, GET /v2/health/ready, GET /metrics`,
      }),
  };
}

/** `/predict`: one answer object, or `{"predictions": [...]}` for instances. */
function predictEndpoint(model: ServedModel): InferenceEndpoint<PredictRequest> {
  return {
    endpoint: 'predict',
    parse: (json) => parsePredict(json, model),
    outputsOf: () => null,
    answer: (request, done) => {
      const answers = predictAnswers(done.result.scores, done.start, request.block.rows, model.version);
      return request.many ? { predictions: answers } : answers[0];
    },
  };
}

/** OIP infer: the model's output tensors in its layout. */
function inferEndpoint(model: ServedModel): InferenceEndpoint<InferRequest> {
  return {
    endpoint: 'infer',
    parse: (json) => parseInfer(json, model),
    outputsOf: (request) => request.outputs,
    answer: (request, done) => inferResponse(model, request, done.result.outputs!, done.start),
  };
}

/** `/v2/models/{name}{tail}` with and without `/versions/{v}`; another model's name is a 404 naming the one served. */
function modelPaths(method: Method, tail: string, model: ServedModel, handle: Handler): Route[] {
  const served = (exchange: Exchange): Promise<void> | void =>
    exchange.params['model'] === model.name
      ? handle(exchange)
      : sendJson(exchange.response, 404, { error: `model "${exchange.params['model']}" not found; this server serves "${model.name}"` });
  return [`/v2/models/:model${tail}`, `/v2/models/:model/versions/:version${tail}`].map((path) => ({ method, path, handle: served }));
}
