// VTL renderer benchmark: apigw-testkit's compiled templates against bare velocityjs (its own Compile/render
// with a plain JS context) on the same three templates, measured in the same run.
//   node bench/vtl.bench.mjs        (build first: npm run build)
import velocity from 'velocityjs';
import { compileTemplate } from '../dist/vtl/index.js';
import { measure, report } from './harness.mjs';

const { Compile, parse } = velocity;

const SMALL = `{"name": "$input.path('$.name')", "id": "$input.params('id')", "kind": "$input.path('$.kind')"}`;

const PASSTHROUGH = `#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "request-id" : "$context.requestId",
    "resource-path" : "$context.resourcePath",
    "source-ip" : "$context.identity.sourceIp",
    "user-agent" : "$context.identity.userAgent"
    }
}
`;

const LOOP = `#set($items = $input.path('$.items'))
[#foreach($item in $items){"id": $item.id, "name": "$item.name", "tag": "$item.tag"}#if($foreach.hasNext),#end#end]`;

const items = Array.from({ length: 1000 }, (_, i) => ({
  id: i,
  name: `item ${i}`,
  tag: i % 2 ? 'odd' : 'even',
}));
const smallBody = { name: 'Rex', kind: 'dog' };
const header = {
  Accept: 'application/json',
  Host: 'abc.execute-api.us-east-1.amazonaws.com',
  'User-Agent': 'bench/1.0',
};
const querystring = { limit: '10', q: 'dogs' };
const path = { id: '7' };
const stageVariables = { version: 'v2', table: 'pets' };

const inputs = {
  small: { body: JSON.stringify(smallBody), params: { path, querystring, header } },
  passthrough: {
    body: JSON.stringify(smallBody),
    params: { path, querystring, header },
    stageVariables,
    context: { stage: 'dev' },
  },
  loop: { body: JSON.stringify({ items }) },
};

// The plain context bare velocityjs renders with: what $input/$util/$context would be as JS objects.
function plainContext(bodyObject, bodyText, params, stage) {
  const pick = (p) =>
    p
      .replace(/^\$\.?/, '')
      .split('.')
      .filter(Boolean)
      .reduce((o, k) => (o == null ? o : o[k]), bodyObject);
  return {
    input: {
      path: pick,
      json: (p) => JSON.stringify(pick(p)),
      params: (name) =>
        name === undefined
          ? params
          : (params.path[name] ?? params.querystring[name] ?? params.header[name] ?? ''),
      body: bodyText,
    },
    util: { escapeJavaScript: (s) => String(s).replace(/["'\\/]/g, '\\$&') },
    stageVariables: stage ?? {},
    context: {
      httpMethod: 'POST',
      stage: 'dev',
      requestId: 'r-1',
      resourcePath: '/pets/{id}',
      identity: { sourceIp: '203.0.113.9', userAgent: 'bench/1.0' },
    },
  };
}
const params = { path, querystring, header };
const contexts = {
  small: plainContext(smallBody, inputs.small.body, params),
  passthrough: plainContext(smallBody, inputs.passthrough.body, params, stageVariables),
  loop: plainContext({ items }, inputs.loop.body, params),
};

const templates = { small: SMALL, passthrough: PASSTHROUGH, loop: LOOP };
const rows = [];
const ratios = [];
for (const [name, text] of Object.entries(templates)) {
  const ours = compileTemplate(text);
  const theirs = new Compile(parse(text));
  const ctx = contexts[name];
  const input = inputs[name];
  const a = await measure(`${name}: apigw-testkit compiled render`, () => ours.render(input));
  const b = await measure(`${name}: velocityjs compiled render`, () => theirs.render(ctx));
  rows.push(a, b);
  ratios.push(`${name}: ${(a.opsPerSec / b.opsPerSec).toFixed(2)}× velocityjs`);
}

// The 1,000-item loop as the issue measures it: bare velocityjs gets its context from the body text on every
// render (JSON.parse, then its compiled render), as a mapping template must; apigw-testkit renders the same
// body text (its parsed body is reused while the text stays the same), and then a different body text on
// every render, so the 1,000-item body is parsed into Java values each time.
const loopTemplate = compileTemplate(LOOP);
const theirsLoop = new Compile(parse(LOOP));
const loopBody = inputs.loop.body;
const velocityParsed = await measure("loop: velocityjs, body JSON.parse'd per render (baseline)", () =>
  theirsLoop.render(plainContext(JSON.parse(loopBody), loopBody, params)),
);
const bodies = Array.from({ length: 8 }, (_, i) => `${' '.repeat(i)}${loopBody}`);
let k = 0;
const fresh = await measure('loop: apigw-testkit, new body text every render', () =>
  loopTemplate.render({ body: bodies[k++ % bodies.length] }),
);
rows.push(velocityParsed, fresh);
ratios.push(
  `loop vs velocityjs parsing per render: ${(rows[4].opsPerSec / velocityParsed.opsPerSec).toFixed(2)}× (target ≥ 8×)`,
  `loop with a new body text every render: ${(fresh.opsPerSec / velocityParsed.opsPerSec).toFixed(2)}× (target ≥ 4×)`,
);

let n = 0;
const first = await measure('first render (parse + render), apigw-testkit', () =>
  compileTemplate(`${SMALL}#set($n${n++ % 5000} = 1)`).render(inputs.small),
);
const firstTheirs = await measure('first render (parse + render), velocityjs', () =>
  velocity.render(`${SMALL}#set($n${n++ % 5000} = 1)`, contexts.small),
);
rows.push(first, firstTheirs);
ratios.push(`first render: ${(first.opsPerSec / firstTheirs.opsPerSec).toFixed(2)}× velocityjs`);

report('VTL renders/s (same run)', rows, 'small: velocityjs compiled render');
console.log(`\nRatios: ${ratios.join(' · ')}`);
