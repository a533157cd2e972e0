package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xeipuuv/gojsonschema"
	"gopkg.in/yaml.v3"
)

// Values: reading, Helm-style merging and schema validation, and the YAML helpers templates call.

func readYamlMap(path string) (map[string]interface{}, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]interface{}{}
	if err := yaml.Unmarshal(text, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// merge overlays override on base like Helm's value coalescing: maps merge key by key, any other
// value replaces, and an explicit null removes the key.
func merge(base, override map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(base))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range override {
		if v == nil {
			delete(out, k)
			continue
		}
		if vm, ok := v.(map[string]interface{}); ok {
			if bm, ok := out[k].(map[string]interface{}); ok {
				out[k] = merge(bm, vm)
				continue
			}
		}
		out[k] = v
	}
	return out
}

func toYaml(v interface{}) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

func fromYaml(text string) (map[string]interface{}, error) {
	m := map[string]interface{}{}
	err := yaml.Unmarshal([]byte(text), &m)
	return m, err
}

func required(message string, v interface{}) (interface{}, error) {
	if v == nil {
		return nil, errors.New(message)
	}
	if s, ok := v.(string); ok && s == "" {
		return nil, errors.New(message)
	}
	return v, nil
}

// validateValues checks the merged values against the chart's values.schema.json, as Helm does.
func validateValues(chartDir, chartName string, values map[string]interface{}) error {
	schema, err := os.ReadFile(filepath.Join(chartDir, "values.schema.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	document, err := json.Marshal(values)
	if err != nil {
		return fmt.Errorf("values: %w", err)
	}
	result, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewBytesLoader(document))
	if err != nil {
		return fmt.Errorf("values.schema.json: %w", err)
	}
	if result.Valid() {
		return nil
	}
	var msg strings.Builder
	fmt.Fprintf(&msg, "values don't meet the specifications of the schema(s) in the following chart(s):\n%s:\n", chartName)
	for _, e := range result.Errors() {
		fmt.Fprintf(&msg, "- %s\n", e.String())
	}
	return errors.New(strings.TrimSuffix(msg.String(), "\n"))
}
